// The header bound when the user gives none: the core KPI a kernel module needs.
export const DEFAULT_WRAPPER = `/* kpi-bindgen built-in wrapper: the core FreeBSD kernel KPI. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/module.h>
#include <sys/sysctl.h>
#include <sys/malloc.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/sx.h>
#include <sys/rwlock.h>
#include <sys/conf.h>
#include <sys/uio.h>
#include <sys/proc.h>
#include <sys/bus.h>
#include <sys/callout.h>
#include <sys/taskqueue.h>
#include <sys/mbuf.h>
#include <sys/socket.h>
#include <sys/socketvar.h>
#include <vm/vm.h>
#include <vm/pmap.h>
#include <vm/vm_extern.h>
#include <vm/uma.h>
`;
