// prctl(2) is variadic, which Swift cannot call: the one use chargeye has, as a function.
#ifndef CHARGEYE_PROCESS_CONTROL_SHIM_H
#define CHARGEYE_PROCESS_CONTROL_SHIM_H
#include <sys/prctl.h>

/* No core file, and no ptrace or /proc/PID/mem access by other processes of the same user. */
static inline int ce_make_undumpable(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }

#endif
