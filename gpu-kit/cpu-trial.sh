#!/usr/bin/env bash
# Proves the GPU kit on a CPU machine before any GPU time is spent: builds the bundle, unpacks a PyTorch
# CPU wheel, and runs the bundle's run-on-gpu.sh against it in cpu-trial mode (every stage except CUDA:
# JNI build, DJL loading the self-built library offline, the mode check, a short speed study, a short suite).
# Run by hand; not part of CI.
#
#   gpu-kit/cpu-trial.sh --djl-src DIR --wheel torch-X.Y.Z+cpu-....whl [--no-build]
#
# Writes gpu-kit/trial/out/ (the run's logs and results) and uses gpu-kit/trial/work/ (DJL cache with the
# JNI library, data), both ignored by git and outside the bundle, so the bundle stays small to carry.
# The wheel's torch/ is unpacked once into .torch-cpu/<wheel name>/. The compiler runs niced with 2 jobs
# (PLMU_JOBS to change), and PyTorch with one thread, as the shared CPU machines ask.
set -euo pipefail

kit=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$kit/.." && pwd)
djl=""
wheel=""
build=true
while [[ $# -gt 0 ]]; do
    case "$1" in
        --djl-src) djl=$2; shift 2 ;;
        --wheel) wheel=$2; shift 2 ;;
        --no-build) build=false; shift ;;
        *) echo "cpu-trial: unknown argument '$1'; usage: cpu-trial.sh --djl-src DIR --wheel WHEEL [--no-build]" >&2; exit 2 ;;
    esac
done
[[ -f "$wheel" ]] || { echo "cpu-trial: --wheel must name a torch wheel file (got '$wheel')" >&2; exit 2; }

if $build; then
    [[ -n "$djl" ]] || { echo "cpu-trial: --djl-src DIR is required to build the bundle" >&2; exit 2; }
    "$kit/build-bundle.sh" --djl-src "$djl"
fi
[[ -x "$kit/bundle/run-on-gpu.sh" ]] || { echo "cpu-trial: no bundle in $kit/bundle; drop --no-build" >&2; exit 2; }

unpacked="$root/.torch-cpu/$(basename "$wheel" .whl)"
if [[ ! -f "$unpacked/torch/lib/libtorch.so" ]]; then
    echo "cpu-trial: unpacking $(basename "$wheel") into $unpacked"
    mkdir -p "$unpacked"
    nice -n 10 unzip -q -o "$wheel" 'torch/*' -d "$unpacked"
fi

rm -rf "$kit/trial/out"
mkdir -p "$kit/trial/work"
PLMU_KIT_MODE=cpu-trial PLMU_TORCH_DIR="$unpacked/torch" PLMU_WORK="$kit/trial/work" \
PLMU_JOBS=${PLMU_JOBS:-2} PLMU_NICE=10 PLMU_BUDGET_S=${PLMU_BUDGET_S:-3600} \
OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 \
    nice -n 10 bash "$kit/bundle/run-on-gpu.sh" "$kit/trial/out"
