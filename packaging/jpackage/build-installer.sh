#!/usr/bin/env bash
# Builds a Linux installer for Runbench with jpackage from the jar that Maven leaves in target/.
#
# Usage: packaging/jpackage/build-installer.sh [app-image|deb]   (default: app-image)
#
# Run `./mvnw -B -ntp -DskipTests package` first. The output lands in target/installer/.
# Environment variables:
#   APP_VERSION  version of the package (default: Implementation-Version of target/runbench.jar,
#                else 0.1.0)
#   JAVA_HOME    JDK whose jpackage and runtime modules are used (default: jpackage on PATH)
#   DEB_MAINTAINER_EMAIL  e-mail address in the deb's Maintainer field, which jpackage writes as
#                "Runbench <address>" (default: "Runbench <Unknown>")
#   VERBOSE=1    pass --verbose to jpackage
# See README.md in this folder for what each type needs and how Windows and macOS differ.
set -euo pipefail

readonly SCRIPT_NAME="build-installer.sh"
readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly PROJECT_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"

readonly TARGET_DIR="${PROJECT_ROOT}/target"
readonly APP_JAR="${TARGET_DIR}/runbench.jar"
readonly LIB_DIR="${TARGET_DIR}/lib"
readonly INPUT_DIR="${TARGET_DIR}/jpackage-input"
readonly OUTPUT_DIR="${TARGET_DIR}/installer"

readonly APP_NAME="Runbench"
readonly PACKAGE_NAME="runbench"
readonly MAIN_CLASS="org.runbench.app.Launcher"
readonly VENDOR="Runbench"
readonly DESCRIPTION="Desktop workbench and command line that compare ML training runs tracked on ClearML"
readonly DEFAULT_VERSION="0.1.0"

# JavaFX tries the OpenGL pipeline (es2) first and falls back to software rendering (sw) where the
# GPU or the X server cannot run it, for example under Xvfb. This is also JavaFX's default order on
# Linux. It is written out so that the launcher does not depend on that default.
readonly JAVA_OPTIONS="-Dprism.order=es2,sw"

# JDK modules linked into the bundled runtime. JavaFX stays on the class path, so jlink cannot see
# what it needs and the list is written by hand:
# - jdeps on runbench.jar with target/lib on the class path (see README.md) reports java.base,
#   java.compiler, java.desktop, java.instrument, java.management, java.naming, java.scripting,
#   java.sql and jdk.net. H2 is the source of most of them.
# - The module-info files of the libraries add java.logging, java.xml and java.net.http
#   (ControlsFX), java.datatransfer, jdk.unsupported and jdk.unsupported.desktop (JavaFX graphics
#   and swing), and jdk.jfr (JavaFX base).
# - jdk.crypto.ec provides the elliptic-curve ciphers that most TLS servers (ClearML behind HTTPS,
#   Kubernetes API servers) negotiate. jdk.charsets and jdk.localedata cover non-UTF-8 file
#   encodings and number and date formats in other locales. jdk.zipfs lets code open jar and zip
#   files as file systems.
readonly JAVA_MODULES="java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,\
java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,java.xml,\
jdk.charsets,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.net,jdk.unsupported,jdk.unsupported.desktop,\
jdk.zipfs"

fail() {
    printf '%s: %s\n' "${SCRIPT_NAME}" "$*" >&2
    exit 1
}

usage_error() {
    printf '%s: %s\nUsage: %s [app-image|deb]\n' "${SCRIPT_NAME}" "$*" "$0" >&2
    exit 2
}

# Fails unless the command exists. The apt package name goes into the message.
require_command() {
    local command_name="$1" apt_package="$2" reason="$3"
    if ! command -v "${command_name}" >/dev/null 2>&1; then
        fail "${command_name} not found. jpackage needs it ${reason}. Install it with: sudo apt-get install ${apt_package}"
    fi
}

find_jpackage() {
    if [[ -n "${JAVA_HOME:-}" ]]; then
        if [[ -x "${JAVA_HOME}/bin/jpackage" ]]; then
            printf '%s\n' "${JAVA_HOME}/bin/jpackage"
            return
        fi
        fail "jpackage not found in JAVA_HOME=${JAVA_HOME}/bin. Point JAVA_HOME at a JDK 17 or newer, or unset it to use jpackage from PATH."
    fi
    if ! command -v jpackage >/dev/null 2>&1; then
        fail "jpackage not found on PATH. Install a JDK 17 or newer, for example: sudo apt-get install openjdk-17-jdk-headless"
    fi
    command -v jpackage
}

# Prints the Implementation-Version from the jar manifest, or nothing when it is absent.
read_jar_version() {
    if command -v unzip >/dev/null 2>&1; then
        unzip -p "${APP_JAR}" META-INF/MANIFEST.MF | tr -d '\r' | sed -n 's/^Implementation-Version: *//p'
    fi
}

# Copies the app jar and its runtime libraries into a fresh input folder. The classifier-less
# JavaFX jars from Maven (javafx-base-21.0.11.jar and so on) are empty stubs without classes or
# native code, so only the platform jars (javafx-*-linux.jar) are kept.
stage_input() {
    rm -rf "${INPUT_DIR}"
    mkdir -p "${INPUT_DIR}"
    cp "${APP_JAR}" "${INPUT_DIR}/"

    local jar name skipped=0 copied=0
    for jar in "${LIB_DIR}"/*.jar; do
        name="$(basename "${jar}")"
        if [[ "${name}" =~ ^javafx-[a-z]+-[0-9][0-9.]*(-ea\+[0-9]+)?\.jar$ ]]; then
            skipped=$((skipped + 1))
            continue
        fi
        cp "${jar}" "${INPUT_DIR}/"
        copied=$((copied + 1))
    done
    if [[ "${copied}" -eq 0 ]]; then
        fail "no libraries found in ${LIB_DIR}. Run ./mvnw -B -ntp -DskipTests package first; it copies them there."
    fi
    printf 'Staged runbench.jar and %d libraries in %s (left out %d JavaFX stub jars).\n' \
        "${copied}" "${INPUT_DIR}" "${skipped}"
}

main() {
    local package_type="${1:-app-image}"
    if [[ $# -gt 1 ]]; then
        usage_error "expected at most one argument, got $#."
    fi
    case "${package_type}" in
        app-image | deb) ;;
        -h | --help)
            sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *) usage_error "invalid package type '${package_type}'. This script builds app-image or deb. Build msi and exe on Windows, dmg and pkg on macOS (see README.md)." ;;
    esac

    if [[ "$(uname -s)" != "Linux" ]]; then
        fail "this script builds Linux packages, but this system is $(uname -s). See README.md for the jpackage options on Windows and macOS."
    fi
    if [[ ! -f "${APP_JAR}" ]]; then
        fail "${APP_JAR} not found. Run ./mvnw -B -ntp -DskipTests package first."
    fi
    if [[ ! -d "${LIB_DIR}" ]]; then
        fail "${LIB_DIR} not found. Run ./mvnw -B -ntp -DskipTests package first."
    fi

    local jpackage
    jpackage="$(find_jpackage)"
    # jpackage runs jlink --strip-debug, which calls objcopy on Debian's OpenJDK builds.
    require_command objcopy binutils "to strip the bundled Java runtime"
    if [[ "${package_type}" == "deb" ]]; then
        require_command fakeroot fakeroot "to build a .deb"
        require_command dpkg-deb dpkg "to build a .deb"
    fi

    local license_file="${PROJECT_ROOT}/LICENSE"
    if [[ ! -f "${license_file}" ]]; then
        license_file="${SCRIPT_DIR}/LICENSE.txt"
    fi

    local app_version="${APP_VERSION:-}"
    if [[ -z "${app_version}" ]]; then
        app_version="$(read_jar_version)"
    fi
    app_version="${app_version:-${DEFAULT_VERSION}}"

    stage_input
    mkdir -p "${OUTPUT_DIR}"
    if [[ "${package_type}" == "app-image" ]]; then
        # jpackage fails when the app image folder already exists.
        rm -rf "${OUTPUT_DIR:?}/${APP_NAME}"
    else
        # Removes an earlier build of the same version, so the file reported at the end is this one.
        rm -f "${OUTPUT_DIR}/${PACKAGE_NAME}_${app_version}"-*.deb
    fi

    local -a options=(
        --type "${package_type}"
        --dest "${OUTPUT_DIR}"
        --name "${APP_NAME}"
        --app-version "${app_version}"
        --vendor "${VENDOR}"
        --description "${DESCRIPTION}"
        --input "${INPUT_DIR}"
        --main-jar runbench.jar
        --main-class "${MAIN_CLASS}"
        --java-options "${JAVA_OPTIONS}"
        --add-modules "${JAVA_MODULES}"
        --icon "${SCRIPT_DIR}/runbench.png"
    )
    if [[ "${package_type}" == "deb" ]]; then
        options+=(
            --license-file "${license_file}"
            --linux-package-name "${PACKAGE_NAME}"
            --linux-shortcut
            --linux-menu-group Development
            --linux-app-category devel
            # JavaFX loads libgtk-3 from native code inside its jars, which jpackage's dependency
            # scan cannot see.
            --linux-package-deps libgtk-3-0
        )
        if [[ -n "${DEB_MAINTAINER_EMAIL:-}" ]]; then
            options+=(--linux-deb-maintainer "${DEB_MAINTAINER_EMAIL}")
        fi
    fi
    if [[ "${VERBOSE:-0}" == "1" ]]; then
        options+=(--verbose)
    fi

    printf 'Building %s %s (%s) with %s\n' "${APP_NAME}" "${app_version}" "${package_type}" "${jpackage}"
    local started=${SECONDS}
    if ! "${jpackage}" "${options[@]}"; then
        fail "jpackage failed to build the ${package_type}; its message is above. Run again with VERBOSE=1 for details."
    fi

    if [[ "${package_type}" == "app-image" ]]; then
        cp "${SCRIPT_DIR}/runbench.desktop" "${OUTPUT_DIR}/${APP_NAME}/lib/runbench.desktop"
        printf 'Built %s/%s in %d s (%s). Try: %s/%s/bin/%s --help\n' \
            "${OUTPUT_DIR}" "${APP_NAME}" $((SECONDS - started)) \
            "$(du -sh "${OUTPUT_DIR}/${APP_NAME}" | cut -f1)" "${OUTPUT_DIR}" "${APP_NAME}" "${APP_NAME}"
    else
        local deb
        deb="$(ls -t "${OUTPUT_DIR}/${PACKAGE_NAME}_${app_version}"-*.deb | head -n 1)"
        printf 'Built %s in %d s (%s).\n' "${deb}" $((SECONDS - started)) "$(du -h "${deb}" | cut -f1)"
    fi
}

main "$@"
