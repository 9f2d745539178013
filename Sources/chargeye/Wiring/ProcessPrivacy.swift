import CProcessControl

/// Makes the process non-dumpable before it reads any secret (`prctl(PR_SET_DUMPABLE, 0)`):
/// a crash leaves no core file holding the refresh token or the JWT, and another process of
/// the same user can neither attach with ptrace nor read `/proc/PID/mem` or `environ`. Only
/// root (CAP_SYS_PTRACE) still can. Linux-only; elsewhere a no-op.
enum ProcessPrivacy {
    static func apply() {
        #if os(Linux)
        if ce_make_undumpable() != 0 {
            Standard.error("chargeye: warning: could not make the process non-dumpable; a core file could hold the token")
        }
        #endif
    }
}
