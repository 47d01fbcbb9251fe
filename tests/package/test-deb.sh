#!/bin/sh
# Builds Poplar's .deb from the Release build that ./run.sh uses (as users get it), checks
# its metadata and contents, installs it on this machine, runs the installed poplar, removes
# it and checks that nothing of it is left.
# usage: test-deb.sh SOURCE_DIR WORK_DIR
set -eu
source_dir=$1
work=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
# dpkg, waiting (up to two minutes) while another package operation holds its lock.
dpkg_waiting() {
    for _ in $(seq 60); do
        if out=$($sudo dpkg "$@" 2>&1); then return 0; fi
        echo "$out" | grep -q "lock" || { echo "$out" >&2; return 1; }
        sleep 2
    done
    echo "$out" >&2
    return 1
}

command -v dpkg-deb >/dev/null || { echo "SKIP: not a Debian system (no dpkg-deb)"; exit 77; }
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
        echo "SKIP: installing the package needs root or password-less sudo"; exit 77
    fi
fi
if dpkg-query -W -f='${Status}' poplar 2>/dev/null | grep -q 'install ok installed'; then
    dpkg-query -W -f='${Maintainer}' poplar | grep -q 'Poplar developers' ||
        { echo "SKIP: another package named poplar is installed"; exit 77; }
    dpkg_waiting --purge poplar || fail "cannot remove the poplar package installed before"
fi

# --- build -----------------------------------------------------------------------------
# CPack's DEB generator installs under /usr whatever CMAKE_INSTALL_PREFIX is.
build="$source_dir/build/release"
(cd "$source_dir" && cmake --preset release >/dev/null)
cmake --build "$build" --target poplar >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "the Release build failed"; }
rm -f "$build"/poplar_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb=$(ls "$build"/poplar_*_*.deb)
echo "built $(basename "$deb")"

# --- metadata and contents ----------------------------------------------------------------
version=$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' "$source_dir/CMakeLists.txt")
info=$(dpkg-deb -I "$deb")
for field in "Package: poplar" "Version: $version" "Section: mail" "Maintainer: " "Description: "; do
    echo "$info" | grep -q "^ $field" || fail "control has no '$field'"
done
echo "$info" | grep "^ Depends:" | grep -q "libqt6widgets6" || fail "Depends lacks Qt (shlibdeps)"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/poplar ./usr/share/applications/poplar.desktop \
    ./usr/share/metainfo/io.github.poplar.Poplar.metainfo.xml ./usr/share/man/man1/poplar.1.gz \
    ./usr/share/icons/hicolor/scalable/apps/poplar.svg ./usr/share/icons/hicolor/48x48/apps/poplar.png \
    ./usr/share/doc/poplar/copyright ./usr/share/doc/poplar/changelog.gz; do
    echo "$contents" | grep -qx "$path" || fail "package lacks $path"
done
rm -rf "$work/extract"
dpkg-deb -x "$deb" "$work/extract"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$work/extract/usr/share/applications/poplar.desktop" || fail "desktop file"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net --explain \
        "$work/extract/usr/share/metainfo/io.github.poplar.Poplar.metainfo.xml" || fail "metainfo"
fi
if command -v lintian >/dev/null; then
    # Errors fail the test; warnings are shown.
    lintian --allow-root "$deb" | tee "$work/lintian.txt"
    ! grep -q '^E:' "$work/lintian.txt" || fail "lintian reports errors"
fi

# --- install, run, remove -------------------------------------------------------------------
dpkg_waiting -i "$deb" || fail "dpkg -i"
installed_files=$(dpkg -L poplar)
/usr/bin/poplar --version | grep -q "Poplar $version" || fail "installed poplar --version"
profile="$work/profile"
rm -rf "$profile"
status=0
QT_QPA_PLATFORM=offscreen timeout 5 /usr/bin/poplar --profile "$profile" || status=$?
[ $status -eq 124 ] || fail "installed poplar did not keep running (exit $status)"
[ -d "$profile" ] || fail "installed poplar did not create its profile"
# The desktop entry declares message/rfc822: the installed binary shows such a file.
printf 'From: a@example.org\r\nSubject: Saved\r\n\r\nHello\r\n' >"$work/saved.eml"
status=0
QT_QPA_PLATFORM=offscreen timeout 5 /usr/bin/poplar "$work/saved.eml" || status=$?
[ $status -eq 124 ] || fail "installed poplar did not show a message file (exit $status)"
# It also declares mailto: links, which reach poplar as URLs (%U), files as file:// URLs.
grep -q '^MimeType=.*x-scheme-handler/mailto;' /usr/share/applications/poplar.desktop ||
    fail "the desktop entry does not handle mailto: links"
grep -q '^Exec=poplar %U$' /usr/share/applications/poplar.desktop ||
    fail "the desktop entry does not pass URLs"
status=0
QT_QPA_PLATFORM=offscreen timeout 5 /usr/bin/poplar "file://$work/saved.eml" || status=$?
[ $status -eq 124 ] || fail "installed poplar did not show a message file URL (exit $status)"

dpkg_waiting --purge poplar || fail "dpkg --purge"
dpkg-query -W poplar >/dev/null 2>&1 && fail "dpkg still knows poplar"
left=""
for path in $installed_files; do
    [ -f "$path" ] || [ -L "$path" ] && left="$left $path"
done
[ -z "$left" ] || fail "left behind after removal:$left"
echo "PASS: built, checked, installed, ran and removed $(basename "$deb")"
