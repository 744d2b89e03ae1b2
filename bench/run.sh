#!/usr/bin/env bash
# Runs a benchmark against a fresh build. Results go to stdout; record them in docs/benchmarks.md.
#   bench/run.sh startup            start-up time to ready and memory after start (embedded default)
#   bench/run.sh cipher             SM4-GCM and blind index on one core (JMH)
#   bench/run.sh audit h2|pg [seconds] [threads] [chain length] [offered rate/s]
#   bench/run.sh lookup h2|pg [citizens] [look-ups]
#   bench/run.sh kb h2|pg [articles] [searches]  knowledge base: FAQ retrieval (Recall@k, MRR), index build, search
#                                    (reads ../shared/data/gov-faq-tw, gov-messages, gov-service-matters)
#   bench/run.sh kb-dense h2|pg [searches] [words weights, e.g. 0.3,0.5,0.7]  the same retrieval with dense vectors of bge-small-zh-v1.5 (taken from
#                                    its Maven artifact), search and bot speed over the 937 FAQ answers
#   bench/run.sh calls h2|pg [levels] [hold s] [calls/s]   the contact center under call load with recording on
#                                    (needs sipp, espeak-ng, sox; e.g. calls h2 100,300,500 40 50)
#   bench/run.sh nlp h2|pg [analyses]   text intelligence: analyze p50/p99 of 500-character texts and batch rate
#                                    on one thread, training time on 10,000 texts (reads ../shared/data)
#   (BENCH_JAVA_OPTS="-Dbench.app-args=--minsheng.bot.handoff-below=0.7" passes settings to the platform under test, several separated by ";")
#   bench/run.sh orders h2|pg [orders] [seconds] [threads]   work orders at scale (run from the repository root;
#                                    reads ../shared/data/gov-messages for texts)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$JAVA_HOME/bin:$PATH"
what="${1:-help}"
if [ ! -f minsheng-app/target/minsheng.jar ] || [ ! -f bench/target/classpath.txt ] || [ "${REBUILD:-1}" = 1 ]; then
  ./mvnw -q -B -pl bench -am package -DskipTests
fi
case "$what" in
  startup)
    exec bash bench/startup.sh "${@:2}" ;;
  *)
    exec java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.minsheng.bench.Bench "$@" ;;
esac
