#!/usr/bin/env bash
# Check the README's two commands on a fresh Debian that has nothing but python3.
#
#   sudo packaging/check_fresh_debian.sh [bookworm|trixie ...]    (default: bookworm trixie)
#
# For each release: debootstrap a minimal Debian (--variant=minbase, plus python3 and
# ca-certificates) into $WORK/<release> (default WORK=/tmp/bpeditor-fresh), copy this checkout
# (tracked and untracked files, not .venv) into it as /src with ../shared beside it as /shared,
# as CI has it, and in a chroot run, as root with no
# display and no help from the host:
#   1. python3 dev.py run     under Xvfb (installed first, only to give the window a screen),
#                             with BPEDITOR_QUIT_AFTER_SHOW=1 so the window closes once shown:
#                             dev.py must install the window's libraries (xcb/xkb set) itself;
#   2. python3 dev.py test    the whole suite, exactly as CI runs it.
# Each step's time and exit status are printed and written to $WORK/<release>.result.
#
# Needs root, debootstrap (apt-get install debootstrap) and the Debian mirror. Not run by CI: a
# release takes 15-30 minutes (packages, the suite). An existing chroot is reused as it is (pass
# FRESH=1 to start again from debootstrap).
set -euo pipefail

MIRROR=${MIRROR:-http://deb.debian.org/debian}
WORK=${WORK:-/tmp/bpeditor-fresh}
SRC=$(cd "$(dirname "$0")/.." && pwd)
RELEASES=("$@")
[ ${#RELEASES[@]} -gt 0 ] || RELEASES=(bookworm trixie)

mkdir -p "$WORK"

# Only the certificate settings come from the host (a network whose proxy has its own CA needs
# them, as any machine on it does): the host's extra CAs are added to the chroot's trust store.
CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt

in_chroot() {  # in_chroot DIR COMMAND: run a shell command inside the chroot, from /src
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        LANG=C.UTF-8 SSL_CERT_FILE=$CA_BUNDLE PIP_CERT=$CA_BUNDLE REQUESTS_CA_BUNDLE=$CA_BUNDLE \
        NODE_EXTRA_CA_CERTS=$CA_BUNDLE chroot "$1" /bin/bash -c "cd /src 2>/dev/null || cd /; $2"
}

step() {  # step DIR RESULT NAME COMMAND: time one step and record its exit status
    local start=$SECONDS status=0
    echo "== $3" >&2
    in_chroot "$1" "$4" || status=$?
    echo "$3: exit $status in $((SECONDS - start)) s" | tee -a "$2"
    return 0
}

for release in "${RELEASES[@]}"; do
    root="$WORK/$release"
    result="$WORK/$release.result"
    : >"$result"
    if [ "${FRESH:-0}" = 1 ]; then rm -rf "$root"; fi
    if [ ! -x "$root/usr/bin/python3" ]; then
        start=$SECONDS
        debootstrap --variant=minbase --include=python3,ca-certificates "$release" "$root" "$MIRROR"
        echo "debootstrap $release: $((SECONDS - start)) s" | tee -a "$result"
    fi
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
        cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
        in_chroot "$root" "update-ca-certificates >/dev/null"
    fi
    for fs in proc sys dev dev/pts; do
        mountpoint -q "$root/$fs" || mount --bind "/$fs" "$root/$fs"
    done
    trap 'for fs in dev/pts dev sys proc; do umount -l "$root/$fs" 2>/dev/null || true; done' EXIT
    rm -rf "$root/src" && mkdir -p "$root/src"
    (cd "$SRC" && git ls-files -z --cached --others --exclude-standard |
        tar --null -T - -cf -) | tar -C "$root/src" -xf -
    # CI has a copy of shared/ beside the clone (the real sample tables the tests read): so here.
    rm -rf "$root/shared"
    if [ -d "$SRC/../shared" ]; then cp -r "$SRC/../shared" "$root/shared"; fi

    in_chroot "$root" "python3 --version" | tee -a "$result"
    step "$root" "$result" "apt-get install xvfb xauth (a screen for the window only)" \
        "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null"
    step "$root" "$result" "python3 dev.py run" \
        "BPEDITOR_QUIT_AFTER_SHOW=1 xvfb-run -a python3 dev.py run"
    step "$root" "$result" "python3 dev.py test" "python3 dev.py test -q -p no:cacheprovider"

    for fs in dev/pts dev sys proc; do umount -l "$root/$fs" 2>/dev/null || true; done
    trap - EXIT
    echo "== $release" && cat "$result"
done
