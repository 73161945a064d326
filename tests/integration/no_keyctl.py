"""Run a command with the keyctl system call refused with EPERM, as
Docker's default seccomp profile refuses it:

    no_keyctl.py CMD [ARGS...]
"""
import ctypes
import os
import platform
import struct
import sys

KEYCTL = {"x86_64": 250, "aarch64": 219}[platform.machine()]
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2
RET_ALLOW, RET_EPERM = 0x7FFF0000, 0x00050000 | 1


def main():
    # classic BPF: load the syscall number; keyctl fails, all else runs
    prog = [(0x20, 0, 0, 0), (0x15, 0, 1, KEYCTL), (0x06, 0, 0, RET_EPERM),
            (0x06, 0, 0, RET_ALLOW)]
    code = b"".join(struct.pack("HBBI", *insn) for insn in prog)
    buf = ctypes.create_string_buffer(code, len(code))
    fprog = struct.pack("HxxxxxxP", len(prog), ctypes.addressof(buf))
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int] + [ctypes.c_ulong] * 4
    fbuf = ctypes.create_string_buffer(fprog, len(fprog))
    if (libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or
            libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER,
                       ctypes.addressof(fbuf), 0, 0) != 0):
        raise SystemExit(f"seccomp: {os.strerror(ctypes.get_errno())}")
    os.execvp(sys.argv[1], sys.argv[1:])


if __name__ == "__main__":
    main()
