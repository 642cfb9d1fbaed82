#!/bin/sh
# `cmake --install` puts the CLI, both libraries, the header and a
# pkg-config file in place, and a program builds against them.
# usage: install.sh BUILD_DIR
set -eu
BUILD="$1"
P=$(mktemp -d)
trap 'rm -rf "$P"' EXIT
cmake --install "$BUILD" --prefix "$P" > /dev/null
for f in bin/sluice include/sluice.h; do
    [ -f "$P/$f" ] || { echo "FAIL missing $f"; exit 1; }
done
LIB=$(dirname "$(find "$P" -name sluice.pc)")
[ -n "$LIB" ] || { echo "FAIL missing sluice.pc"; exit 1; }
ls "$LIB"/../libsluice.so.0 "$LIB"/../libsluice.a > /dev/null
cat > "$P/use.c" <<'C'
#include <sluice.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    sl_engine *e = sl_engine_new(NULL, 0, NULL, NULL);
    sl_request r = SL_REQUEST_INIT;
    r.sql = "select `A` from t";
    r.sql_len = strlen(r.sql);
    r.mode = SL_MODE_FORMAT;
    sl_result *res = sl_process(e, &r);
    puts(sl_result_sql(res, NULL));
    sl_result_free(res);
    sl_engine_free(e);
    return 0;
}
C
export PKG_CONFIG_PATH="$LIB"
cc -o "$P/use" "$P/use.c" $(pkg-config --cflags --libs sluice) -Wl,-rpath,"$LIB/.."
OUT=$("$P/use")
[ "$OUT" = "SELECT A FROM t" ] || { echo "FAIL program printed: $OUT"; exit 1; }
"$P/bin/sluice" --version > /dev/null
echo "install: 1 passed, 0 failed"
