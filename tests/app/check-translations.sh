#!/bin/sh
# Runs lupdate over the sources into copies of the .ts files and fails when any string
# lacks its translation, so a new tr() string cannot land untranslated.
# usage: check-translations.sh LUPDATE SOURCE_DIR
set -eu
lupdate=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$source_dir"/translations/poplar_*.ts "$work"/
find "$source_dir/core" "$source_dir/ui" "$source_dir/app" -name '*.cpp' -o -name '*.h' | LC_ALL=C sort >"$work/sources.lst"
"$lupdate" -silent -no-obsolete -locations none -I "$source_dir/core" -I "$source_dir" "@$work/sources.lst" -ts "$work"/poplar_*.ts
status=0
for ts in "$work"/poplar_*.ts; do
    if grep -q 'type="unfinished"' "$ts"; then
        echo "$(basename "$ts"): untranslated strings:"
        grep -B2 'type="unfinished"' "$ts" | grep '<source>' | sed 's/^ */    /'
        status=1
    fi
done
exit $status
