#!/usr/bin/env bash
# Checks build-installer.sh without building a real package: argument and tool checks, the staged
# input folder and the jpackage options. It copies the script into a temporary project, puts a stub
# jpackage that records its arguments on PATH, and runs in about a second.
#
# Usage: packaging/jpackage/test-build-installer.sh   (exit status 0 when every check passes)
set -euo pipefail

readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK_DIR="$(mktemp -d)"
readonly WORK_DIR
trap 'rm -rf "${WORK_DIR}"' EXIT

failures=0
checks=0

check() {
    local description="$1"
    shift
    checks=$((checks + 1))
    if "$@"; then
        printf 'ok    %s\n' "${description}"
    else
        printf 'FAIL  %s\n' "${description}"
        failures=$((failures + 1))
    fi
}

contains() { [[ "$1" == *"$2"* ]]; }
not_contains() { [[ "$1" != *"$2"* ]]; }
file_exists() { [[ -f "$1" ]]; }
file_missing() { [[ ! -e "$1" ]]; }

# Builds a project folder with the packaging inputs. With "with-jar" it also writes a fake app jar
# whose manifest contains Implementation-Version 9.8.7, plus platform and stub JavaFX jars in
# target/lib.
make_project() {
    local root="$1" with_jar="$2"
    mkdir -p "${root}/packaging/jpackage" "${root}/target/lib"
    cp "${SCRIPT_DIR}/build-installer.sh" "${SCRIPT_DIR}/runbench.png" "${SCRIPT_DIR}/runbench.desktop" \
        "${SCRIPT_DIR}/LICENSE.txt" "${root}/packaging/jpackage/"
    if [[ "${with_jar}" == "with-jar" ]]; then
        printf 'Implementation-Version: 9.8.7\n' >"${WORK_DIR}/manifest.txt"
        (cd "${WORK_DIR}" && jar --create --file "${root}/target/runbench.jar" --manifest manifest.txt manifest.txt)
        local name
        for name in javafx-base-21.0.11.jar javafx-base-21.0.11-linux.jar javafx-graphics-21.0.11.jar \
            javafx-graphics-21.0.11-linux.jar h2-2.5.252.jar picocli-4.7.7.jar; do
            cp "${root}/target/runbench.jar" "${root}/target/lib/${name}"
        done
    fi
}

# Makes a PATH folder with links to the real commands the script uses, a stub jpackage and stubs
# for the named extra tools. The stub jpackage writes one argument per line to jpackage-args.txt
# and creates the app image folder or the deb file that the script reports on afterwards.
make_path() {
    local bin="$1"
    shift
    mkdir -p "${bin}"
    local tool
    for tool in bash dirname uname rm mkdir cp basename sed tr unzip ls head du cut cat; do
        ln -sf "$(command -v "${tool}")" "${bin}/${tool}"
    done
    cat >"${bin}/jpackage" <<'STUB'
#!/usr/bin/env bash
printf '%s\n' "$@" >"${STUB_LOG}"
dest="" type="" version="" prev=""
for arg in "$@"; do
    case "${prev}" in
        --dest) dest="${arg}" ;;
        --type) type="${arg}" ;;
        --app-version) version="${arg}" ;;
    esac
    prev="${arg}"
done
if [[ "${type}" == "app-image" ]]; then
    mkdir -p "${dest}/Runbench/lib"
else
    : >"${dest}/runbench_${version}-1_amd64.deb"
fi
STUB
    chmod +x "${bin}/jpackage"
    for tool in "$@"; do
        printf '#!/bin/sh\nexit 0\n' >"${bin}/${tool}"
        chmod +x "${bin}/${tool}"
    done
}

# Runs the script in a project with the given PATH folder, storing exit status and combined output.
run_script() {
    local root="$1" bin="$2"
    shift 2
    set +e
    output="$(env -u JAVA_HOME -u APP_VERSION PATH="${bin}" STUB_LOG="${WORK_DIR}/jpackage-args.txt" \
        "${EXTRA_ENV[@]}" "${bin}/bash" "${root}/packaging/jpackage/build-installer.sh" "$@" 2>&1)"
    status=$?
    set -e
}

EXTRA_ENV=()
output=""
status=0

# --- usage errors
make_project "${WORK_DIR}/no-jar" no-jar
make_path "${WORK_DIR}/bin-all" objcopy fakeroot dpkg-deb
run_script "${WORK_DIR}/no-jar" "${WORK_DIR}/bin-all" msi
check "unknown type exits with status 2" test "${status}" -eq 2
check "unknown type names the type" contains "${output}" "invalid package type 'msi'"
check "unknown type points to Windows and macOS builds" contains "${output}" "Build msi and exe on Windows, dmg and pkg on macOS"

# --- missing jar
run_script "${WORK_DIR}/no-jar" "${WORK_DIR}/bin-all" app-image
check "missing jar exits with status 1" test "${status}" -eq 1
check "missing jar names the file" contains "${output}" "${WORK_DIR}/no-jar/target/runbench.jar not found"
check "missing jar gives the build command" contains "${output}" "Run ./mvnw -B -ntp -DskipTests package first."

# --- missing tools
make_project "${WORK_DIR}/project" with-jar
make_path "${WORK_DIR}/bin-none"
rm "${WORK_DIR}/bin-none/jpackage"
run_script "${WORK_DIR}/project" "${WORK_DIR}/bin-none" app-image
check "missing jpackage exits with status 1" test "${status}" -eq 1
check "missing jpackage says where it looked" contains "${output}" "jpackage not found on PATH"
check "missing jpackage gives the apt command" contains "${output}" "sudo apt-get install openjdk-17-jdk-headless"

make_path "${WORK_DIR}/bin-no-objcopy"
run_script "${WORK_DIR}/project" "${WORK_DIR}/bin-no-objcopy" app-image
check "missing objcopy exits with status 1" test "${status}" -eq 1
check "missing objcopy names binutils" contains "${output}" "objcopy not found. jpackage needs it to strip the bundled Java runtime. Install it with: sudo apt-get install binutils"

make_path "${WORK_DIR}/bin-no-fakeroot" objcopy dpkg-deb
run_script "${WORK_DIR}/project" "${WORK_DIR}/bin-no-fakeroot" deb
check "missing fakeroot fails the deb" test "${status}" -eq 1
check "missing fakeroot names its package" contains "${output}" "fakeroot not found. jpackage needs it to build a .deb. Install it with: sudo apt-get install fakeroot"

run_script "${WORK_DIR}/project" "${WORK_DIR}/bin-no-fakeroot" app-image
check "app image does not need fakeroot" test "${status}" -eq 0

# --- app image: staged input and options
make_path "${WORK_DIR}/bin-objcopy" objcopy
run_script "${WORK_DIR}/project" "${WORK_DIR}/bin-objcopy" app-image
args="$(cat "${WORK_DIR}/jpackage-args.txt")"
input="${WORK_DIR}/project/target/jpackage-input"
check "app image build succeeds" test "${status}" -eq 0
check "input keeps the app jar" file_exists "${input}/runbench.jar"
check "input keeps the linux JavaFX jars" file_exists "${input}/javafx-base-21.0.11-linux.jar"
check "input keeps other libraries" file_exists "${input}/h2-2.5.252.jar"
check "input drops the JavaFX stub jars" file_missing "${input}/javafx-base-21.0.11.jar"
check "input drops every JavaFX stub jar" file_missing "${input}/javafx-graphics-21.0.11.jar"
check "output reports the stub count" contains "${output}" "left out 2 JavaFX stub jars"
check "version comes from the jar manifest" contains "${args}" $'--app-version\n9.8.7'
check "main jar is runbench.jar" contains "${args}" $'--main-jar\nrunbench.jar'
check "main class is the launcher" contains "${args}" $'--main-class\norg.runbench.app.Launcher'
check "prism tries es2 then sw" contains "${args}" $'--java-options\n-Dprism.order=es2,sw'
check "modules include java.sql for H2" contains "${args}" "java.sql,"
check "modules include jdk.crypto.ec for TLS" contains "${args}" "jdk.crypto.ec,"
check "output goes to target/installer" contains "${args}" $'--dest\n'"${WORK_DIR}/project/target/installer"
check "app image gets no deb options" not_contains "${args}" "--linux-package-deps"
check "app image gets the desktop entry" file_exists "${WORK_DIR}/project/target/installer/Runbench/lib/runbench.desktop"

# --- deb options
EXTRA_ENV=(APP_VERSION=1.2.3 DEB_MAINTAINER_EMAIL=dev@example.org)
run_script "${WORK_DIR}/project" "${WORK_DIR}/bin-all" deb
EXTRA_ENV=()
args="$(cat "${WORK_DIR}/jpackage-args.txt")"
check "deb build succeeds" test "${status}" -eq 0
check "deb build reports the file" contains "${output}" "runbench_1.2.3-1_amd64.deb"
check "APP_VERSION overrides the manifest" contains "${args}" $'--app-version\n1.2.3'
check "deb depends on libgtk-3-0" contains "${args}" $'--linux-package-deps\nlibgtk-3-0'
check "deb has a menu shortcut" contains "${args}" "--linux-shortcut"
check "deb is in the Development menu" contains "${args}" $'--linux-menu-group\nDevelopment'
check "deb section is devel" contains "${args}" $'--linux-app-category\ndevel'
check "deb carries the license" contains "${args}" $'--license-file\n'"${WORK_DIR}/project/packaging/jpackage/LICENSE.txt"
check "deb maintainer comes from the variable" contains "${args}" $'--linux-deb-maintainer\ndev@example.org'

# --- a LICENSE at the project root wins over the bundled Apache-2.0 text
printf 'Project license\n' >"${WORK_DIR}/project/LICENSE"
run_script "${WORK_DIR}/project" "${WORK_DIR}/bin-all" deb
args="$(cat "${WORK_DIR}/jpackage-args.txt")"
check "project LICENSE is preferred" contains "${args}" $'--license-file\n'"${WORK_DIR}/project/LICENSE"

printf '%d of %d checks passed.\n' $((checks - failures)) "${checks}"
[[ "${failures}" -eq 0 ]]
