#!/bin/sh
# Lay out VG_ROOT like the installed tree REAL_ROOT, but with each program
# a script that runs the real one under valgrind memcheck (following execs,
# so the API executable is checked too; not into system programs or these
# wrappers, which start a valgrind of their own).  Each process writes its report
# to $VALGRIND_LOGS/vg.PID; run-all.sh fails if any report is not empty.
#
#   tests/valgrind-tree.sh REAL_ROOT VG_ROOT
set -eu
real=$1 vg=$2
rm -rf "$vg"
mkdir -p "$vg/usr/bin" "$vg/usr/libexec/anyreach-cred"
for f in "$real"/usr/bin/* "$real"/usr/libexec/anyreach-cred/*; do
	rel=${f#"$real"/}
	cat >"$vg/$rel" <<EOS
#!/bin/sh
exec valgrind -q --trace-children=yes \\
	--trace-children-skip='/bin/*,/usr/bin/*,*-vg/*' --leak-check=full \\
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \\
	--suppressions=/usr/share/glib-2.0/valgrind/glib.supp \\
	--log-file="\$VALGRIND_LOGS/vg.%p" "$f" "\$@"
EOS
	chmod +x "$vg/$rel"
done
