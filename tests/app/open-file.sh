#!/bin/sh
# `poplar FILE.eml` (how a file manager opens a saved message) shows the message in a window:
# it must start the window rather than take the file for a command, and must not open or
# create the profile, so that it works while Poplar itself runs. A missing file is named in
# words. Run with the poplar binary and the source tree.
set -u
poplar=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

# The window stays open until closed, so a run still going after a few seconds is a window.
timeout 4 "$poplar" --profile "$work/profile" "$source_dir/tests/data/mime/c01-gb2312.eml" \
    >"$work/out" 2>&1
rc=$?
cat "$work/out"
[ $rc -eq 124 ] || { echo "expected the message window to stay open, exit code $rc"; exit 1; }
[ ! -e "$work/profile" ] || { echo "opening a message file touched the profile"; exit 1; }

# A file URL, as some file managers pass it, works the same.
timeout 4 "$poplar" --profile "$work/profile" "file://$source_dir/tests/data/mime/c04-big5.eml" \
    >"$work/out" 2>&1
rc=$?
[ $rc -eq 124 ] || { cat "$work/out"; echo "a file:// URL did not open, exit code $rc"; exit 1; }

# An empty file is an empty message (a broken server delivers those), shown like any other.
timeout 4 "$poplar" --profile "$work/profile" "$source_dir/tests/data/mime/s37-empty-message.eml" \
    >"$work/out" 2>&1
rc=$?
[ $rc -eq 124 ] || { cat "$work/out"; echo "an empty message did not open, exit code $rc"; exit 1; }

# A missing file: the error names it (the message box then waits for the user).
timeout 4 "$poplar" "$work/missing.eml" >"$work/out" 2>&1
cat "$work/out"
grep -q "missing.eml does not exist" "$work/out" || { echo "no error in words"; exit 1; }
[ ! -e "$work/profile" ] || { echo "the profile was created"; exit 1; }
echo "ok"
