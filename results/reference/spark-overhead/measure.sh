#!/usr/bin/env bash
# Times the same grid three ways: local engine, --engine spark (local mode), two-worker standalone cluster.
# As run for README.md's second and third rows (the first row's run also timed the local engine for tiny).
set -u
# the class path (see README.md): the dependencies, and a snapshot of each module's target/classes
CP=$(cat /tmp/m/cp-snap.txt)
OPENS=$(cat /work/wt/i16/.mvn/jvm.config)
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 SPARK_HOME=/tmp/m/spark-home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
mkdir -p $SPARK_HOME/jars
JAVA="nice -n 10 java $OPENS -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -cp $CP"
PLMU="io.parallellmu.benchmarks.cli.PlmuCommand"
timed() { # name, command...
  local name=$1; shift
  local t0=$(date +%s.%N)
  "$@" > /tmp/m/$name.log 2>&1
  local rc=$?
  echo "$name rc=$rc wall=$(echo "$(date +%s.%N) - $t0" | bc) s" | tee -a /tmp/m/times.txt
}
run_grid() { # label, suite options...
  local label=$1; shift
  [ "$label" = tiny2 ] || timed $label-local $JAVA $PLMU suite "$@" --out /tmp/m/$label-local
  timed $label-spark2 $JAVA -Dspark.ui.enabled=false $PLMU suite "$@" --engine spark --out /tmp/m/$label-spark2
  $JAVA -Xmx512m org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7177 --webui-port 8180 > /tmp/m/$label-master.log 2>&1 &
  local master=$!
  sleep 5
  local workers=()
  for i in 0 1; do
    mkdir -p /tmp/m/$label-work$i
    $JAVA -Xmx512m org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g --webui-port 0 \
      --work-dir /tmp/m/$label-work$i spark://127.0.0.1:7177 > /tmp/m/$label-worker$i.log 2>&1 &
    workers+=($!)
  done
  until [ "$(grep -c 'Registering worker' /tmp/m/$label-master.log)" -ge 2 ]; do sleep 1; done
  timed $label-standalone2 $JAVA -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 -Dspark.executor.memory=1536m \
    -Dspark.executor.extraClassPath=$CP $PLMU suite "$@" --engine spark --master spark://127.0.0.1:7177 \
    --out /tmp/m/$label-standalone2
  kill ${workers[@]} $master; wait ${workers[@]} $master 2>/dev/null
}
echo "start $(date -u +%H:%M:%S) $(grep -m1 'model name' /proc/cpuinfo) load $(cat /proc/loadavg)" >> /tmp/m/times.txt
run_grid tiny2 --profile tiny
run_grid quickmg --profile quick --tasks mackey-glass --models lmu,lstm
echo "end $(date -u +%H:%M:%S) load $(cat /proc/loadavg)" >> /tmp/m/times.txt
