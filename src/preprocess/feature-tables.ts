// Answers clang 19 gives in C mode (gnu17) for the feature-test builtins, on every target
// (target-specific builtins and attributes are left to FeatureQueries). Data, checked against
// clang by test/preprocess/features.test.ts.

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** __has_feature names that are true in C. */
export const cFeatures: readonly string[] = words(`
  attribute_analyzer_noreturn attribute_availability attribute_availability_app_extension
  attribute_availability_driverkit attribute_availability_in_templates
  attribute_availability_swift attribute_availability_tvos attribute_availability_watchos
  attribute_availability_with_message attribute_availability_with_replacement
  attribute_availability_with_strict attribute_availability_with_version_underscores
  attribute_cf_consumed attribute_cf_returns_not_retained attribute_cf_returns_on_parameters
  attribute_cf_returns_retained attribute_deprecated_with_message
  attribute_deprecated_with_replacement attribute_diagnose_if_objc attribute_ext_vector_type
  attribute_ns_consumed attribute_ns_consumes_self attribute_ns_returns_not_retained
  attribute_ns_returns_retained attribute_objc_ivar_unused attribute_objc_method_family
  attribute_overloadable attribute_unavailable_with_message attribute_unused_on_fields c_alignas
  c_alignof c_atomic c_generic_selections c_static_assert c_thread_local
  c_thread_safety_attributes enumerator_attributes nullability nullability_nullable_result
  nullability_on_arrays nullability_on_classes objc_arc_fields objc_bool objc_bridge_id
  objc_bridge_id_on_typedefs objc_c_static_assert objc_nonfragile_abi
  objc_property_explicit_atomic objc_protocol_qualifier_mangling objc_subscripting
  objc_weak_class pragma_stdc_cx_limited_range
`);

/** __has_extension names that are true in C (a superset of the features). */
export const cExtensions: readonly string[] = words(`
  attribute_analyzer_noreturn attribute_availability attribute_availability_app_extension
  attribute_availability_driverkit attribute_availability_in_templates
  attribute_availability_swift attribute_availability_tvos attribute_availability_watchos
  attribute_availability_with_message attribute_availability_with_replacement
  attribute_availability_with_strict attribute_availability_with_version_underscores
  attribute_cf_consumed attribute_cf_returns_not_retained attribute_cf_returns_on_parameters
  attribute_cf_returns_retained attribute_deprecated_with_message
  attribute_deprecated_with_replacement attribute_diagnose_if_objc attribute_ext_vector_type
  attribute_ns_consumed attribute_ns_consumes_self attribute_ns_returns_not_retained
  attribute_ns_returns_retained attribute_objc_ivar_unused attribute_objc_method_family
  attribute_overloadable attribute_unavailable_with_message attribute_unused_on_fields c_alignas
  c_alignof c_atomic c_attributes c_generic_selection_with_controlling_type c_generic_selections
  c_static_assert c_thread_local c_thread_safety_attributes cxx_binary_literals cxx_fixed_enum
  enumerator_attributes gnu_asm gnu_asm_goto_with_outputs gnu_asm_goto_with_outputs_full
  matrix_types_scalar_division nullability nullability_nullable_result nullability_on_arrays
  nullability_on_classes objc_arc_fields objc_bool objc_bridge_id objc_bridge_id_on_typedefs
  objc_c_static_assert objc_nonfragile_abi objc_property_explicit_atomic
  objc_protocol_qualifier_mangling objc_subscripting objc_weak_class overloadable_unmarked
  pragma_clang_attribute_external_declaration pragma_clang_attribute_namespaces
  pragma_stdc_cx_limited_range statement_attributes_with_gnu_syntax swiftasynccc
`);

/** __has_builtin names that are true on every target with -ffreestanding (as the kernel builds). */
export const genericBuiltins: readonly string[] = words(`
  __arithmetic_fence __atomic_add_fetch __atomic_always_lock_free __atomic_and_fetch
  __atomic_clear __atomic_compare_exchange __atomic_compare_exchange_n __atomic_exchange
  __atomic_exchange_n __atomic_fetch_add __atomic_fetch_and __atomic_fetch_max __atomic_fetch_min
  __atomic_fetch_nand __atomic_fetch_or __atomic_fetch_sub __atomic_fetch_xor
  __atomic_is_lock_free __atomic_load __atomic_load_n __atomic_max_fetch __atomic_min_fetch
  __atomic_nand_fetch __atomic_or_fetch __atomic_signal_fence __atomic_store __atomic_store_n
  __atomic_sub_fetch __atomic_test_and_set __atomic_thread_fence __atomic_xor_fetch
  __builtin_COLUMN __builtin_FILE __builtin_FILE_NAME __builtin_FUNCTION __builtin_LINE
  __builtin___CFStringMakeConstantString __builtin___NSStringMakeConstantString
  __builtin___clear_cache __builtin___fprintf_chk __builtin___get_unsafe_stack_bottom
  __builtin___get_unsafe_stack_ptr __builtin___get_unsafe_stack_start
  __builtin___get_unsafe_stack_top __builtin___memccpy_chk __builtin___memcpy_chk
  __builtin___memmove_chk __builtin___mempcpy_chk __builtin___memset_chk __builtin___printf_chk
  __builtin___snprintf_chk __builtin___sprintf_chk __builtin___stpcpy_chk __builtin___stpncpy_chk
  __builtin___strcat_chk __builtin___strcpy_chk __builtin___strlcat_chk __builtin___strlcpy_chk
  __builtin___strncat_chk __builtin___strncpy_chk __builtin___vfprintf_chk
  __builtin___vprintf_chk __builtin___vsnprintf_chk __builtin___vsprintf_chk __builtin_abort
  __builtin_abs __builtin_acos __builtin_acosf __builtin_acosf128 __builtin_acosf16
  __builtin_acosh __builtin_acoshf __builtin_acoshf128 __builtin_acoshl __builtin_acosl
  __builtin_add_overflow __builtin_addc __builtin_addcb __builtin_addcl __builtin_addcll
  __builtin_addcs __builtin_addressof __builtin_align_down __builtin_align_up __builtin_alloca
  __builtin_alloca_uninitialized __builtin_alloca_with_align
  __builtin_alloca_with_align_uninitialized __builtin_allow_runtime_check __builtin_annotation
  __builtin_asin __builtin_asinf __builtin_asinf128 __builtin_asinf16 __builtin_asinh
  __builtin_asinhf __builtin_asinhf128 __builtin_asinhl __builtin_asinl __builtin_assume
  __builtin_assume_aligned __builtin_assume_separate_storage __builtin_atan __builtin_atan2
  __builtin_atan2f __builtin_atan2f128 __builtin_atan2l __builtin_atanf __builtin_atanf128
  __builtin_atanf16 __builtin_atanh __builtin_atanhf __builtin_atanhf128 __builtin_atanhl
  __builtin_atanl __builtin_available __builtin_bcmp __builtin_bcopy __builtin_bit_cast
  __builtin_bitreverse16 __builtin_bitreverse32 __builtin_bitreverse64 __builtin_bitreverse8
  __builtin_bswap16 __builtin_bswap32 __builtin_bswap64 __builtin_bzero __builtin_cabs
  __builtin_cabsf __builtin_cabsl __builtin_cacos __builtin_cacosf __builtin_cacosh
  __builtin_cacoshf __builtin_cacoshl __builtin_cacosl __builtin_call_with_static_chain
  __builtin_calloc __builtin_canonicalize __builtin_canonicalizef __builtin_canonicalizef16
  __builtin_canonicalizel __builtin_carg __builtin_cargf __builtin_cargl __builtin_casin
  __builtin_casinf __builtin_casinh __builtin_casinhf __builtin_casinhl __builtin_casinl
  __builtin_catan __builtin_catanf __builtin_catanh __builtin_catanhf __builtin_catanhl
  __builtin_catanl __builtin_cbrt __builtin_cbrtf __builtin_cbrtf128 __builtin_cbrtl
  __builtin_ccos __builtin_ccosf __builtin_ccosh __builtin_ccoshf __builtin_ccoshl
  __builtin_ccosl __builtin_ceil __builtin_ceilf __builtin_ceilf128 __builtin_ceilf16
  __builtin_ceill __builtin_cexp __builtin_cexpf __builtin_cexpl __builtin_char_memchr
  __builtin_choose_expr __builtin_cimag __builtin_cimagf __builtin_cimagl __builtin_classify_type
  __builtin_clog __builtin_clogf __builtin_clogl __builtin_clrsb __builtin_clrsbl
  __builtin_clrsbll __builtin_clz __builtin_clzg __builtin_clzl __builtin_clzll __builtin_clzs
  __builtin_complex __builtin_conj __builtin_conjf __builtin_conjl __builtin_constant_p
  __builtin_convertvector __builtin_copysign __builtin_copysignf __builtin_copysignf128
  __builtin_copysignf16 __builtin_copysignl __builtin_cos __builtin_cosf __builtin_cosf128
  __builtin_cosf16 __builtin_cosh __builtin_coshf __builtin_coshf128 __builtin_coshf16
  __builtin_coshl __builtin_cosl __builtin_cpow __builtin_cpowf __builtin_cpowl __builtin_cproj
  __builtin_cprojf __builtin_cprojl __builtin_creal __builtin_crealf __builtin_creall
  __builtin_csin __builtin_csinf __builtin_csinh __builtin_csinhf __builtin_csinhl
  __builtin_csinl __builtin_csqrt __builtin_csqrtf __builtin_csqrtl __builtin_ctan
  __builtin_ctanf __builtin_ctanh __builtin_ctanhf __builtin_ctanhl __builtin_ctanl __builtin_ctz
  __builtin_ctzg __builtin_ctzl __builtin_ctzll __builtin_ctzs __builtin_debugtrap
  __builtin_dump_struct __builtin_dwarf_cfa __builtin_dwarf_sp_column
  __builtin_dynamic_object_size __builtin_eh_return __builtin_eh_return_data_regno
  __builtin_elementwise_abs __builtin_elementwise_acos __builtin_elementwise_add_sat
  __builtin_elementwise_asin __builtin_elementwise_atan __builtin_elementwise_bitreverse
  __builtin_elementwise_canonicalize __builtin_elementwise_ceil __builtin_elementwise_copysign
  __builtin_elementwise_cos __builtin_elementwise_cosh __builtin_elementwise_exp
  __builtin_elementwise_exp2 __builtin_elementwise_floor __builtin_elementwise_fma
  __builtin_elementwise_log __builtin_elementwise_log10 __builtin_elementwise_log2
  __builtin_elementwise_max __builtin_elementwise_min __builtin_elementwise_nearbyint
  __builtin_elementwise_pow __builtin_elementwise_rint __builtin_elementwise_round
  __builtin_elementwise_roundeven __builtin_elementwise_sin __builtin_elementwise_sinh
  __builtin_elementwise_sqrt __builtin_elementwise_sub_sat __builtin_elementwise_tan
  __builtin_elementwise_tanh __builtin_elementwise_trunc __builtin_erf __builtin_erfc
  __builtin_erfcf __builtin_erfcf128 __builtin_erfcl __builtin_erff __builtin_erff128
  __builtin_erfl __builtin_exp __builtin_exp10 __builtin_exp10f __builtin_exp10f128
  __builtin_exp10f16 __builtin_exp10l __builtin_exp2 __builtin_exp2f __builtin_exp2f128
  __builtin_exp2f16 __builtin_exp2l __builtin_expect __builtin_expect_with_probability
  __builtin_expf __builtin_expf128 __builtin_expf16 __builtin_expl __builtin_expm1
  __builtin_expm1f __builtin_expm1f128 __builtin_expm1l __builtin_extend_pointer
  __builtin_extract_return_addr __builtin_fabs __builtin_fabsf __builtin_fabsf128
  __builtin_fabsf16 __builtin_fabsl __builtin_fdim __builtin_fdimf __builtin_fdimf128
  __builtin_fdiml __builtin_ffs __builtin_ffsl __builtin_ffsll __builtin_floor __builtin_floorf
  __builtin_floorf128 __builtin_floorf16 __builtin_floorl __builtin_flt_rounds __builtin_fma
  __builtin_fmaf __builtin_fmaf128 __builtin_fmaf16 __builtin_fmal __builtin_fmax __builtin_fmaxf
  __builtin_fmaxf128 __builtin_fmaxf16 __builtin_fmaxl __builtin_fmin __builtin_fminf
  __builtin_fminf128 __builtin_fminf16 __builtin_fminl __builtin_fmod __builtin_fmodf
  __builtin_fmodf128 __builtin_fmodf16 __builtin_fmodl __builtin_fpclassify __builtin_fprintf
  __builtin_frame_address __builtin_free __builtin_frexp __builtin_frexpf __builtin_frexpf128
  __builtin_frexpf16 __builtin_frexpl __builtin_frob_return_addr __builtin_fscanf
  __builtin_function_start __builtin_hlsl_create_handle __builtin_hlsl_dot
  __builtin_hlsl_elementwise_all __builtin_hlsl_elementwise_any __builtin_hlsl_elementwise_clamp
  __builtin_hlsl_elementwise_frac __builtin_hlsl_elementwise_isinf __builtin_hlsl_elementwise_rcp
  __builtin_hlsl_elementwise_rsqrt __builtin_hlsl_lerp __builtin_hlsl_mad
  __builtin_hlsl_wave_active_count_bits __builtin_hlsl_wave_get_lane_index __builtin_huge_val
  __builtin_huge_valf __builtin_huge_valf128 __builtin_huge_valf16 __builtin_huge_vall
  __builtin_hypot __builtin_hypotf __builtin_hypotf128 __builtin_hypotl __builtin_ilogb
  __builtin_ilogbf __builtin_ilogbf128 __builtin_ilogbl __builtin_index __builtin_inf
  __builtin_inff __builtin_inff128 __builtin_inff16 __builtin_infl
  __builtin_init_dwarf_reg_size_table __builtin_is_aligned __builtin_isfinite __builtin_isfpclass
  __builtin_isgreater __builtin_isgreaterequal __builtin_isinf __builtin_isinf_sign
  __builtin_isless __builtin_islessequal __builtin_islessgreater __builtin_isnan
  __builtin_isnormal __builtin_issignaling __builtin_issubnormal __builtin_isunordered
  __builtin_iszero __builtin_labs __builtin_launder __builtin_ldexp __builtin_ldexpf
  __builtin_ldexpf128 __builtin_ldexpf16 __builtin_ldexpl __builtin_lgamma __builtin_lgammaf
  __builtin_lgammaf128 __builtin_lgammal __builtin_llabs __builtin_llrint __builtin_llrintf
  __builtin_llrintf128 __builtin_llrintl __builtin_llround __builtin_llroundf
  __builtin_llroundf128 __builtin_llroundl __builtin_log __builtin_log10 __builtin_log10f
  __builtin_log10f128 __builtin_log10f16 __builtin_log10l __builtin_log1p __builtin_log1pf
  __builtin_log1pf128 __builtin_log1pl __builtin_log2 __builtin_log2f __builtin_log2f128
  __builtin_log2f16 __builtin_log2l __builtin_logb __builtin_logbf __builtin_logbf128
  __builtin_logbl __builtin_logf __builtin_logf128 __builtin_logf16 __builtin_logl
  __builtin_longjmp __builtin_lrint __builtin_lrintf __builtin_lrintf128 __builtin_lrintl
  __builtin_lround __builtin_lroundf __builtin_lroundf128 __builtin_lroundl __builtin_malloc
  __builtin_matrix_column_major_load __builtin_matrix_column_major_store
  __builtin_matrix_transpose __builtin_memchr __builtin_memcmp __builtin_memcpy
  __builtin_memcpy_inline __builtin_memmove __builtin_mempcpy __builtin_memset
  __builtin_memset_inline __builtin_modf __builtin_modff __builtin_modff128 __builtin_modfl
  __builtin_ms_va_copy __builtin_ms_va_end __builtin_ms_va_start __builtin_mul_overflow
  __builtin_nan __builtin_nanf __builtin_nanf128 __builtin_nanf16 __builtin_nanl __builtin_nans
  __builtin_nansf __builtin_nansf128 __builtin_nansf16 __builtin_nansl __builtin_nearbyint
  __builtin_nearbyintf __builtin_nearbyintf128 __builtin_nearbyintl __builtin_nextafter
  __builtin_nextafterf __builtin_nextafterf128 __builtin_nextafterl __builtin_nexttoward
  __builtin_nexttowardf __builtin_nexttowardf128 __builtin_nexttowardl
  __builtin_nondeterministic_value __builtin_nontemporal_load __builtin_nontemporal_store
  __builtin_objc_memmove_collectable __builtin_object_size __builtin_offsetof
  __builtin_omp_required_simd_align __builtin_operator_delete __builtin_operator_new
  __builtin_os_log_format __builtin_os_log_format_buffer_size __builtin_parity __builtin_parityl
  __builtin_parityll __builtin_popcount __builtin_popcountg __builtin_popcountl
  __builtin_popcountll __builtin_pow __builtin_powf __builtin_powf128 __builtin_powf16
  __builtin_powi __builtin_powif __builtin_powil __builtin_powl __builtin_prefetch
  __builtin_preserve_access_index __builtin_printf __builtin_ptrauth_auth
  __builtin_ptrauth_auth_and_resign __builtin_ptrauth_blend_discriminator
  __builtin_ptrauth_sign_constant __builtin_ptrauth_sign_generic_data
  __builtin_ptrauth_sign_unauthenticated __builtin_ptrauth_string_discriminator
  __builtin_ptrauth_strip __builtin_ptrauth_type_discriminator __builtin_readcyclecounter
  __builtin_readsteadycounter __builtin_realloc __builtin_reduce_add __builtin_reduce_and
  __builtin_reduce_max __builtin_reduce_min __builtin_reduce_mul __builtin_reduce_or
  __builtin_reduce_xor __builtin_remainder __builtin_remainderf __builtin_remainderf128
  __builtin_remainderl __builtin_remquo __builtin_remquof __builtin_remquof128 __builtin_remquol
  __builtin_return_address __builtin_rindex __builtin_rint __builtin_rintf __builtin_rintf128
  __builtin_rintf16 __builtin_rintl __builtin_rotateleft16 __builtin_rotateleft32
  __builtin_rotateleft64 __builtin_rotateleft8 __builtin_rotateright16 __builtin_rotateright32
  __builtin_rotateright64 __builtin_rotateright8 __builtin_round __builtin_roundeven
  __builtin_roundevenf __builtin_roundevenf128 __builtin_roundevenf16 __builtin_roundevenl
  __builtin_roundf __builtin_roundf128 __builtin_roundf16 __builtin_roundl
  __builtin_sadd_overflow __builtin_saddl_overflow __builtin_saddll_overflow __builtin_scalbln
  __builtin_scalblnf __builtin_scalblnf128 __builtin_scalblnl __builtin_scalbn __builtin_scalbnf
  __builtin_scalbnf128 __builtin_scalbnl __builtin_scanf __builtin_set_flt_rounds
  __builtin_setjmp __builtin_shufflevector __builtin_signbit __builtin_signbitf
  __builtin_signbitl __builtin_sin __builtin_sinf __builtin_sinf128 __builtin_sinf16
  __builtin_sinh __builtin_sinhf __builtin_sinhf128 __builtin_sinhf16 __builtin_sinhl
  __builtin_sinl __builtin_smul_overflow __builtin_smull_overflow __builtin_smulll_overflow
  __builtin_snprintf __builtin_sprintf __builtin_sqrt __builtin_sqrtf __builtin_sqrtf128
  __builtin_sqrtf16 __builtin_sqrtl __builtin_sscanf __builtin_ssub_overflow
  __builtin_ssubl_overflow __builtin_ssubll_overflow __builtin_stdarg_start __builtin_stpcpy
  __builtin_stpncpy __builtin_strcasecmp __builtin_strcat __builtin_strchr __builtin_strcmp
  __builtin_strcpy __builtin_strcspn __builtin_strdup __builtin_strlen __builtin_strncasecmp
  __builtin_strncat __builtin_strncmp __builtin_strncpy __builtin_strndup __builtin_strpbrk
  __builtin_strrchr __builtin_strspn __builtin_strstr __builtin_sub_overflow __builtin_subc
  __builtin_subcb __builtin_subcl __builtin_subcll __builtin_subcs __builtin_tan __builtin_tanf
  __builtin_tanf128 __builtin_tanf16 __builtin_tanh __builtin_tanhf __builtin_tanhf128
  __builtin_tanhf16 __builtin_tanhl __builtin_tanl __builtin_tgamma __builtin_tgammaf
  __builtin_tgammaf128 __builtin_tgammal __builtin_thread_pointer __builtin_trap __builtin_trunc
  __builtin_truncf __builtin_truncf128 __builtin_truncf16 __builtin_truncl
  __builtin_types_compatible_p __builtin_uadd_overflow __builtin_uaddl_overflow
  __builtin_uaddll_overflow __builtin_umul_overflow __builtin_umull_overflow
  __builtin_umulll_overflow __builtin_unpredictable __builtin_unreachable __builtin_unwind_init
  __builtin_usub_overflow __builtin_usubl_overflow __builtin_usubll_overflow __builtin_va_arg
  __builtin_va_copy __builtin_va_end __builtin_va_start __builtin_vectorelements
  __builtin_verbose_trap __builtin_vfprintf __builtin_vfscanf __builtin_vprintf __builtin_vscanf
  __builtin_vsnprintf __builtin_vsprintf __builtin_vsscanf __builtin_wcschr __builtin_wcscmp
  __builtin_wcslen __builtin_wcsncmp __builtin_wmemchr __builtin_wmemcmp __builtin_wmemcpy
  __builtin_wmemmove __c11_atomic_compare_exchange_strong __c11_atomic_compare_exchange_weak
  __c11_atomic_exchange __c11_atomic_fetch_add __c11_atomic_fetch_and __c11_atomic_fetch_max
  __c11_atomic_fetch_min __c11_atomic_fetch_nand __c11_atomic_fetch_or __c11_atomic_fetch_sub
  __c11_atomic_fetch_xor __c11_atomic_init __c11_atomic_is_lock_free __c11_atomic_load
  __c11_atomic_signal_fence __c11_atomic_store __c11_atomic_thread_fence
  __hip_atomic_compare_exchange_strong __hip_atomic_compare_exchange_weak __hip_atomic_exchange
  __hip_atomic_fetch_add __hip_atomic_fetch_and __hip_atomic_fetch_max __hip_atomic_fetch_min
  __hip_atomic_fetch_or __hip_atomic_fetch_sub __hip_atomic_fetch_xor __hip_atomic_load
  __hip_atomic_store __is_bitwise_cloneable __is_destructible __is_nothrow_destructible
  __opencl_atomic_compare_exchange_strong __opencl_atomic_compare_exchange_weak
  __opencl_atomic_exchange __opencl_atomic_fetch_add __opencl_atomic_fetch_and
  __opencl_atomic_fetch_max __opencl_atomic_fetch_min __opencl_atomic_fetch_or
  __opencl_atomic_fetch_sub __opencl_atomic_fetch_xor __opencl_atomic_init __opencl_atomic_load
  __opencl_atomic_store __scoped_atomic_add_fetch __scoped_atomic_and_fetch
  __scoped_atomic_compare_exchange __scoped_atomic_compare_exchange_n __scoped_atomic_exchange
  __scoped_atomic_exchange_n __scoped_atomic_fetch_add __scoped_atomic_fetch_and
  __scoped_atomic_fetch_max __scoped_atomic_fetch_min __scoped_atomic_fetch_nand
  __scoped_atomic_fetch_or __scoped_atomic_fetch_sub __scoped_atomic_fetch_xor
  __scoped_atomic_load __scoped_atomic_load_n __scoped_atomic_max_fetch __scoped_atomic_min_fetch
  __scoped_atomic_nand_fetch __scoped_atomic_or_fetch __scoped_atomic_store
  __scoped_atomic_store_n __scoped_atomic_sub_fetch __scoped_atomic_xor_fetch
  __sync_add_and_fetch __sync_add_and_fetch_1 __sync_add_and_fetch_16 __sync_add_and_fetch_2
  __sync_add_and_fetch_4 __sync_add_and_fetch_8 __sync_and_and_fetch __sync_and_and_fetch_1
  __sync_and_and_fetch_16 __sync_and_and_fetch_2 __sync_and_and_fetch_4 __sync_and_and_fetch_8
  __sync_bool_compare_and_swap __sync_bool_compare_and_swap_1 __sync_bool_compare_and_swap_16
  __sync_bool_compare_and_swap_2 __sync_bool_compare_and_swap_4 __sync_bool_compare_and_swap_8
  __sync_fetch_and_add __sync_fetch_and_add_1 __sync_fetch_and_add_16 __sync_fetch_and_add_2
  __sync_fetch_and_add_4 __sync_fetch_and_add_8 __sync_fetch_and_and __sync_fetch_and_and_1
  __sync_fetch_and_and_16 __sync_fetch_and_and_2 __sync_fetch_and_and_4 __sync_fetch_and_and_8
  __sync_fetch_and_max __sync_fetch_and_min __sync_fetch_and_nand __sync_fetch_and_nand_1
  __sync_fetch_and_nand_16 __sync_fetch_and_nand_2 __sync_fetch_and_nand_4
  __sync_fetch_and_nand_8 __sync_fetch_and_or __sync_fetch_and_or_1 __sync_fetch_and_or_16
  __sync_fetch_and_or_2 __sync_fetch_and_or_4 __sync_fetch_and_or_8 __sync_fetch_and_sub
  __sync_fetch_and_sub_1 __sync_fetch_and_sub_16 __sync_fetch_and_sub_2 __sync_fetch_and_sub_4
  __sync_fetch_and_sub_8 __sync_fetch_and_umax __sync_fetch_and_umin __sync_fetch_and_xor
  __sync_fetch_and_xor_1 __sync_fetch_and_xor_16 __sync_fetch_and_xor_2 __sync_fetch_and_xor_4
  __sync_fetch_and_xor_8 __sync_lock_release __sync_lock_release_1 __sync_lock_release_16
  __sync_lock_release_2 __sync_lock_release_4 __sync_lock_release_8 __sync_lock_test_and_set
  __sync_lock_test_and_set_1 __sync_lock_test_and_set_16 __sync_lock_test_and_set_2
  __sync_lock_test_and_set_4 __sync_lock_test_and_set_8 __sync_nand_and_fetch
  __sync_nand_and_fetch_1 __sync_nand_and_fetch_16 __sync_nand_and_fetch_2
  __sync_nand_and_fetch_4 __sync_nand_and_fetch_8 __sync_or_and_fetch __sync_or_and_fetch_1
  __sync_or_and_fetch_16 __sync_or_and_fetch_2 __sync_or_and_fetch_4 __sync_or_and_fetch_8
  __sync_sub_and_fetch __sync_sub_and_fetch_1 __sync_sub_and_fetch_16 __sync_sub_and_fetch_2
  __sync_sub_and_fetch_4 __sync_sub_and_fetch_8 __sync_swap __sync_swap_1 __sync_swap_16
  __sync_swap_2 __sync_swap_4 __sync_swap_8 __sync_synchronize __sync_val_compare_and_swap
  __sync_val_compare_and_swap_1 __sync_val_compare_and_swap_16 __sync_val_compare_and_swap_2
  __sync_val_compare_and_swap_4 __sync_val_compare_and_swap_8 __sync_xor_and_fetch
  __sync_xor_and_fetch_1 __sync_xor_and_fetch_16 __sync_xor_and_fetch_2 __sync_xor_and_fetch_4
  __sync_xor_and_fetch_8 __warn_memset_zero_len __xray_customevent __xray_typedevent
`);

/** Identifiers that are keywords in C with GNU extensions (__is_identifier answers 0). */
export const cKeywords: readonly string[] = words(`
  _Alignas _Alignof _Atomic _BitInt _Bool _Complex _Decimal128 _Decimal32 _Decimal64 _ExtInt
  _Float16 _Generic _Imaginary _Nonnull _Noreturn _Null_unspecified _Nullable _Nullable_result
  _Static_assert _Thread_local __FUNCTION__ __PRETTY_FUNCTION__ __alignof __alignof__ __arm_in
  __arm_inout __arm_locally_streaming __arm_new __arm_out __arm_preserves __arm_streaming
  __arm_streaming_compatible __asm __asm__ __attribute __attribute__ __auto_type __bf16
  __builtin_COLUMN __builtin_FILE __builtin_FILE_NAME __builtin_FUNCTION __builtin_LINE
  __builtin_available __builtin_bit_cast __builtin_choose_expr __builtin_convertvector
  __builtin_offsetof __builtin_omp_required_simd_align __builtin_ptrauth_type_discriminator
  __builtin_types_compatible_p __builtin_va_arg __builtin_vectorelements __cdecl __complex
  __complex__ __const __const__ __extension__ __fastcall __float128 __fp16 __func__ __funcref
  __ibm128 __imag __imag__ __inline __inline__ __int128 __is_bitwise_cloneable __is_destructible
  __is_nothrow_destructible __label__ __module_private__ __objc_no __objc_yes __pascal
  __private_extern__ __real __real__ __regcall __restrict __restrict__ __signed __signed__
  __stdcall __thiscall __thread __typeof __typeof__ __typeof_unqual __typeof_unqual__
  __vectorcall __volatile __volatile__ asm auto break case char const continue default do double
  else enum extern float for goto if inline int long register restrict return short signed sizeof
  static struct switch typedef typeof union unsigned void volatile while
`);

/** __has_attribute answers, by value. */
export const gnuAttributes: ReadonlyArray<readonly [number, readonly string[]]> = [
  [
    1,
    words(`
    NSObject __const __const__ __constant__ __cudart_builtin__ __device__ __device_builtin__
    __device_builtin_surface_type__ __device_builtin_texture_type__ __global__ __host__
    __launch_bounds__ __managed__ __noinline__ __shared__ aarch64_sve_pcs aarch64_vector_pcs
    abi_tag acquire_capability acquire_handle acquire_shared_capability acquired_after
    acquired_before address_space alias align_value aligned alloc_align alloc_size allocating
    always_destroy always_inline amdgpu_flat_work_group_size amdgpu_kernel
    amdgpu_max_num_work_groups amdgpu_num_sgpr amdgpu_num_vgpr amdgpu_waves_per_eu
    analyzer_noreturn annotate argument_with_type_tag arm_sve_vector_bits artificial
    assert_capability assert_exclusive_lock assert_shared_capability assert_shared_lock assume
    assume_aligned availability available_only_in_default_eval_method blocking blocks bounded
    btf_decl_tag btf_type_tag callable_when callback called_once capability carries_dependency
    cdecl cf_audited_transfer cf_consumed cf_returns_not_retained cf_returns_retained
    cf_unknown_transfer cfi_canonical_jump_table clang_builtin_alias cleanup clspv_libclc_builtin
    code_align cold common const constant constructor consumable consumable_auto_cast_state
    consumable_set_state_on_read convergent coro_disable_lifetimebound coro_lifetimebound
    coro_only_destroy_when_complete coro_return_type coro_wrapper counted_by counted_by_or_null
    cpu_dispatch cpu_specific cudart_builtin deprecated destructor device device_builtin
    device_builtin_surface_type device_builtin_texture_type diagnose_as_builtin diagnose_if
    disable_sanitizer_instrumentation disable_tail_calls enable_if enforce_read_only_placement
    enforce_tcb enforce_tcb_leaf enum_extensibility error exclude_from_explicit_instantiation
    exclusive_lock_function exclusive_locks_required exclusive_trylock_function ext_vector_type
    fallthrough fastcall flag_enum flatten format format_arg global gnu_inline guarded_by
    guarded_var host ibaction iboutlet iboutletcollection ifunc init_priority intel_ocl_bicc
    intel_reqd_sub_group_size internal_linkage kernel launch_bounds leaf lifetimebound
    loader_uninitialized lock_returned lockable locks_excluded lto_visibility_public m68k_rtd
    malloc managed matrix_type may_alias maybe_undef mig_server_routine min_vector_width minsize
    mode ms_abi ms_struct musttail naked neon_polyvector_type neon_vector_type
    no_address_safety_analysis no_builtin no_destroy no_instrument_function
    no_profile_instrument_function no_randomize_layout no_sanitize no_sanitize_address
    no_sanitize_memory no_sanitize_thread no_speculative_load_hardening no_split_stack
    no_stack_protector no_thread_safety_analysis nocommon nodebug noderef noduplicate noescape
    noinline nomerge nonallocating nonblocking nonnull noreturn nosvm not_tail_called nothrow
    nouwtable ns_consumed ns_consumes_self ns_error_domain ns_returns_autoreleased
    ns_returns_not_retained ns_returns_retained nv_weak objc_arc_weak_reference_unavailable
    objc_boxable objc_bridge objc_bridge_mutable objc_bridge_related objc_class_stub
    objc_designated_initializer objc_direct objc_direct_members objc_exception
    objc_externally_retained objc_gc objc_independent_class objc_method_family
    objc_non_runtime_protocol objc_nonlazy_class objc_ownership objc_precise_lifetime
    objc_protocol_requires_explicit_implementation objc_requires_property_definitions
    objc_requires_super objc_returns_inner_pointer objc_root_class objc_runtime_name
    objc_runtime_visible objc_subclassing_restricted opencl_constant opencl_generic opencl_global
    opencl_global_device opencl_global_host opencl_local opencl_private opencl_unroll_hint
    optnone os_consumed os_consumes_this os_returns_not_retained os_returns_retained
    os_returns_retained_on_non_zero os_returns_retained_on_zero overloadable ownership_holds
    ownership_returns ownership_takes packed param_typestate pascal pass_dynamic_object_size
    pass_object_size patchable_function_entry pointer_with_type_tag preferred_name preferred_type
    preserve_all preserve_most pt_guarded_by pt_guarded_var ptrauth_vtable_pointer pure
    randomize_layout regcall regparm reinitializes release_capability release_generic_capability
    release_handle release_shared_capability reqd_work_group_size require_constant_initialization
    requires_capability requires_shared_capability retain return_typestate returns_nonnull
    returns_twice riscv_rvv_vector_bits scoped_lockable section selectany sentinel set_typestate
    shared shared_capability shared_lock_function shared_locks_required shared_trylock_function
    sized_by sized_by_or_null speculative_load_hardening standalone_debug stdcall suppress
    swift_async swift_async_context swift_async_error swift_async_name swift_attr swift_bridge
    swift_bridged_typedef swift_context swift_error swift_error_result swift_indirect_result
    swift_name swift_newtype swift_objc_members swift_private swift_wrapper swiftasynccall
    swiftcall sycl_kernel sycl_special_class sysv_abi target target_clones target_version
    test_typestate thiscall tls_model transparent_union trivial_abi try_acquire_capability
    try_acquire_shared_capability type_tag_for_datatype type_visibility unavailable uninitialized
    unlock_function unsafe_buffer_usage unused use_handle used using_if_exists vec_type_hint
    vecreturn vector_size vectorcall visibility warn_unused warn_unused_result warning weak
    weak_import weakref work_group_size_hint xray_always_instrument xray_log_args
    xray_never_instrument zero_call_used_regs
  `),
  ],
  [
    20230206,
    words(`
    external_source_symbol
  `),
  ],
];

/** __has_c_attribute answers, by value. */
export const cAttributes: ReadonlyArray<readonly [number, readonly string[]]> = [
  [
    1,
    words(`
    clang::NSObject clang::__noinline__ clang::aarch64_sve_pcs clang::aarch64_vector_pcs
    clang::acquire_handle clang::address_space clang::allocating clang::always_inline
    clang::amdgpu_kernel clang::annotate clang::annotate_type clang::argument_with_type_tag
    clang::assume clang::availability clang::available_only_in_default_eval_method
    clang::blocking clang::blocks clang::btf_decl_tag clang::btf_type_tag clang::builtin_alias
    clang::callback clang::called_once clang::cf_audited_transfer clang::cf_consumed
    clang::cf_returns_not_retained clang::cf_returns_retained clang::cf_unknown_transfer
    clang::cfi_canonical_jump_table clang::clspv_libclc_builtin clang::code_align
    clang::convergent clang::coro_disable_lifetimebound clang::coro_lifetimebound
    clang::coro_only_destroy_when_complete clang::coro_return_type clang::coro_wrapper
    clang::counted_by clang::counted_by_or_null clang::cpu_dispatch clang::cpu_specific
    clang::diagnose_as_builtin clang::disable_sanitizer_instrumentation clang::disable_tail_calls
    clang::enforce_read_only_placement clang::enforce_tcb clang::enforce_tcb_leaf
    clang::enum_extensibility clang::exclude_from_explicit_instantiation clang::flag_enum
    clang::ibaction clang::iboutlet clang::iboutletcollection clang::internal_linkage
    clang::likely clang::loader_uninitialized clang::lto_visibility_public clang::m68k_rtd
    clang::matrix_type clang::maybe_undef clang::mig_server_routine clang::min_vector_width
    clang::minsize clang::musttail clang::neon_polyvector_type clang::neon_vector_type
    clang::no_builtin clang::no_sanitize clang::no_sanitize_memory
    clang::no_speculative_load_hardening clang::no_stack_protector
    clang::no_thread_safety_analysis clang::noderef clang::noduplicate clang::noescape
    clang::noinline clang::nomerge clang::nonallocating clang::nonblocking clang::not_tail_called
    clang::nouwtable clang::ns_consumed clang::ns_consumes_self clang::ns_returns_autoreleased
    clang::ns_returns_not_retained clang::ns_returns_retained
    clang::objc_arc_weak_reference_unavailable clang::objc_boxable clang::objc_bridge
    clang::objc_bridge_mutable clang::objc_bridge_related clang::objc_class_stub
    clang::objc_designated_initializer clang::objc_direct clang::objc_direct_members
    clang::objc_exception clang::objc_externally_retained clang::objc_gc
    clang::objc_independent_class clang::objc_method_family clang::objc_non_runtime_protocol
    clang::objc_nonlazy_class clang::objc_ownership clang::objc_precise_lifetime
    clang::objc_protocol_requires_explicit_implementation
    clang::objc_requires_property_definitions clang::objc_requires_super
    clang::objc_returns_inner_pointer clang::objc_root_class clang::objc_runtime_name
    clang::objc_runtime_visible clang::objc_subclassing_restricted clang::opencl_constant
    clang::opencl_generic clang::opencl_global clang::opencl_global_device
    clang::opencl_global_host clang::opencl_local clang::opencl_private clang::optnone
    clang::os_consumed clang::os_consumes_this clang::os_returns_not_retained
    clang::os_returns_retained clang::os_returns_retained_on_non_zero
    clang::os_returns_retained_on_zero clang::overloadable clang::ownership_holds
    clang::ownership_returns clang::ownership_takes clang::pascal clang::pass_dynamic_object_size
    clang::pass_object_size clang::pointer_with_type_tag clang::preferred_type
    clang::preserve_all clang::preserve_most clang::ptrauth_vtable_pointer clang::release_handle
    clang::sized_by clang::sized_by_or_null clang::speculative_load_hardening clang::suppress
    clang::swift_async clang::swift_async_context clang::swift_async_error clang::swift_context
    clang::swift_error_result clang::swift_indirect_result clang::swiftasynccall clang::swiftcall
    clang::sycl_kernel clang::sycl_special_class clang::type_tag_for_datatype
    clang::type_visibility clang::unavailable clang::unlikely clang::unsafe_buffer_usage
    clang::use_handle clang::vectorcall clang::weak_import clang::xray_always_instrument
    clang::xray_log_args clang::xray_never_instrument gnu::__const gnu::__const__
    gnu::__noinline__ gnu::alias gnu::aligned gnu::alloc_align gnu::alloc_size gnu::always_inline
    gnu::artificial gnu::assume_aligned gnu::cdecl gnu::cleanup gnu::cold gnu::common gnu::const
    gnu::constructor gnu::deprecated gnu::destructor gnu::error gnu::fallthrough gnu::fastcall
    gnu::flatten gnu::format gnu::format_arg gnu::gnu_inline gnu::ifunc gnu::leaf gnu::malloc
    gnu::may_alias gnu::mode gnu::ms_abi gnu::ms_struct gnu::naked
    gnu::no_address_safety_analysis gnu::no_instrument_function
    gnu::no_profile_instrument_function gnu::no_randomize_layout gnu::no_sanitize_address
    gnu::no_sanitize_thread gnu::no_split_stack gnu::no_stack_protector gnu::nocommon
    gnu::nodebug gnu::noinline gnu::nonnull gnu::noreturn gnu::nothrow gnu::packed
    gnu::patchable_function_entry gnu::pure gnu::randomize_layout gnu::regcall gnu::regparm
    gnu::retain gnu::returns_nonnull gnu::returns_twice gnu::section gnu::selectany gnu::sentinel
    gnu::stdcall gnu::sysv_abi gnu::target gnu::target_clones gnu::target_version gnu::thiscall
    gnu::tls_model gnu::transparent_union gnu::unused gnu::used gnu::vector_size gnu::visibility
    gnu::warn_unused gnu::warn_unused_result gnu::warning gnu::weak gnu::weakref
    gnu::zero_call_used_regs
  `),
  ],
  [
    201904,
    words(`
    deprecated
  `),
  ],
  [
    201910,
    words(`
    fallthrough
  `),
  ],
  [
    202003,
    words(`
    nodiscard
  `),
  ],
  [
    202106,
    words(`
    maybe_unused
  `),
  ],
  [
    202202,
    words(`
    _Noreturn noreturn
  `),
  ],
  [
    20230206,
    words(`
    clang::external_source_symbol
  `),
  ],
];
