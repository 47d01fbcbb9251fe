# Poplar's build, test and demo dependencies, and a helper that installs the missing ones.
# Sourced by run.sh and test.sh. Package names are Debian 12 / Ubuntu 22.04+ names; the
# README lists the equivalents for other systems.

POPLAR_BUILD_PACKAGES=(
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qtkeychain-qt6-dev libsqlite3-dev libqt6svg6
)
# What the demo needs besides the build: a private POP3 server and its certificate, and a
# private session bus with its own keyring for the demo account's password.
POPLAR_DEMO_PACKAGES=(dovecot-core dovecot-pop3d openssl dbus gnome-keyring)
# The SMTP tests' private submission server (tests/support/SmtpServer): exim4-daemon-heavy, the
# build with the Dovecot authenticator. The tests run their own Exim and never the system one
# that the package sets up. Exim conflicts with the other MTAs, so a machine that has Postfix,
# OpenSMTPD or Sendmail keeps it and the SMTP tests skip there.
POPLAR_SMTP_PACKAGES=(exim4-daemon-heavy)
if command -v dpkg-query >/dev/null 2>&1 &&
    dpkg-query -W -f='${Status}\n' postfix opensmtpd sendmail-bin 2>/dev/null | grep -q 'install ok installed'; then
    POPLAR_SMTP_PACKAGES=()
fi
# What the tests need: the demo's server, the SMTP server, a headless display (and xdotool to
# type into it) and secret service, clang for libFuzzer and the sanitizers, a CJK font for screenshots, benchmark peers
# (fetchmail, msmtp) and packaging checks.
POPLAR_TEST_PACKAGES=(
    "${POPLAR_DEMO_PACKAGES[@]}"
    "${POPLAR_SMTP_PACKAGES[@]}"
    xvfb xauth xdotool dbus-x11 libsecret-tools imagemagick fonts-noto-cjk
    clang-14 libclang-rt-14-dev python3 fetchmail msmtp desktop-file-utils appstream lintian
)

# poplar_install_packages PACKAGE...: installs those not yet installed, with apt-get (through
# sudo when not root). When it cannot, prints the list and stops the script.
poplar_install_packages() {
    local missing=()
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "poplar: this is not a Debian-like system; make sure these (or your system's"
        echo "        equivalents, see README.md) are installed: $*"
        return 0
    fi
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    echo "poplar: installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            poplar_cannot_install "${missing[@]}"
        fi
    fi
    if ! "${sudo[@]}" apt-get update -qq ||
        ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
        poplar_cannot_install "${missing[@]}"
    fi
}

poplar_cannot_install() {
    echo "poplar: cannot install the packages Poplar needs. Please install them, then run this again:" >&2
    echo "    apt-get install $*" >&2
    exit 1
}
