#!/usr/bin/env bash
# Builds DJL 0.36.0's PyTorch JNI library (libdjl_torch.so) against an installed torch wheel, without a JDK,
# CMake's Torch package or network: DJL's own sources and the javac-generated header come in the bundle.
#
#   build-jni.sh NATIVE_DIR TORCH_DIR OUT_SO [JOBS]
#
# NATIVE_DIR: the bundle's djl-native/ (src/*.cc|h, include/ with the JNI header, jni.h and djl/utils.h)
# TORCH_DIR:  the torch package directory (has include/ and lib/libtorch.so)
# OUT_SO:     where to write the library
# JOBS:       parallel compiler processes (default: all cores)
#
# Flags as DJL's CMakeLists.txt with TORCH_CXX_FLAGS of a CXX11-ABI wheel: -std=c++17 -fPIC
# -D_GLIBCXX_USE_CXX11_ABI=1. USE_CUDA is defined when libtorch_cuda.so is present and the CUDA runtime
# headers are found (the wheel's nvidia packages or a CUDA toolkit); without them the library still runs on
# CUDA and only loses DJL's separate inference stream and torchCudaEmptyCache.
set -euo pipefail

native=$(cd "$1" && pwd)
torch=$(cd "$2" && pwd)
out=$3
jobs=${4:-$(nproc)}
cxx=${CXX:-g++}

[[ -f "$torch/lib/libtorch.so" ]] || { echo "build-jni: $torch/lib/libtorch.so not found" >&2; exit 2; }
[[ -d "$torch/include/torch/csrc/api/include" ]] || { echo "build-jni: $torch/include lacks the C++ API headers" >&2; exit 2; }

defines=(-D_GLIBCXX_USE_CXX11_ABI=1)
includes=(-I"$native/include" -I"$native/include/linux" -I"$torch/include" -I"$torch/include/torch/csrc/api/include")
libs=(-ltorch -ltorch_cpu -lc10)
if [[ -f "$torch/lib/libtorch_cuda.so" ]]; then
    libs+=(-ltorch_cuda -lc10_cuda)
    site=$(dirname "$torch")
    cuda_include=""
    for candidate in "$site"/nvidia/cu*/include "$site"/nvidia/cuda_runtime/include "${CUDA_HOME:-/usr/local/cuda}/include"; do
        if [[ -f "$candidate/cuda_runtime_api.h" ]]; then
            cuda_include=$candidate
            break
        fi
    done
    if [[ -n "$cuda_include" ]]; then
        defines+=(-DUSE_CUDA)
        includes+=(-I"$cuda_include")
        # other nvidia packages' headers (cusparse, cublas...) that ATen/cuda includes may pull in
        for extra in "$site"/nvidia/*/include; do
            [[ "$extra" == "$cuda_include" ]] || includes+=(-I"$extra")
        done
        echo "build-jni: CUDA build (USE_CUDA), runtime headers from $cuda_include"
    else
        echo "build-jni: libtorch_cuda.so found but no cuda_runtime_api.h; building without USE_CUDA"
    fi
else
    echo "build-jni: CPU torch (no libtorch_cuda.so)"
fi

objects=$(mktemp -d "${TMPDIR:-/tmp}/djl-jni-obj.XXXXXX")
trap 'rm -rf "$objects"' EXIT
export cxx objects

# compile FLAGS: one compiler process per source file without an object yet, JOBS at a time.
compile() {
    export compile_flags="-std=c++17 -fPIC -O2 -w $1 $(printf '%q ' "${includes[@]}")"
    local pending=()
    for source in "$native"/src/*.cc; do
        [[ -f "$objects/$(basename "$source" .cc).o" ]] || pending+=("$source")
    done
    echo "build-jni: compiling ${#pending[@]} sources with $jobs jobs: $cxx $compile_flags"
    printf '%s\n' "${pending[@]}" | xargs -P "$jobs" -I{} bash -c \
        'eval "$cxx $compile_flags -c \"\$1\" -o \"$objects/\$(basename \"\$1\" .cc).o\"" || exit 255' _ {}
}
if ! compile "${defines[*]}"; then
    # USE_CUDA only adds DJL's separate inference stream and torchCudaEmptyCache, in two files; if the CUDA
    # headers do not compile here, those files are built without it rather than losing the library.
    [[ " ${defines[*]} " == *" -DUSE_CUDA "* ]] || exit 1
    echo "build-jni: the USE_CUDA build failed; compiling the remaining sources without USE_CUDA"
    compile "-D_GLIBCXX_USE_CXX11_ABI=1" || exit 1
fi
mkdir -p "$(dirname "$out")"
"$cxx" -shared -o "$out.tmp" "$objects"/*.o -L"$torch/lib" -Wl,--no-as-needed "${libs[@]}" \
    -Wl,-rpath,"$torch/lib"
mv "$out.tmp" "$out"
echo "build-jni: wrote $out ($(du -h "$out" | cut -f1))"
