#!/usr/bin/env bash
# The api fuzzer (test/e2e/api-fuzz.e2e-spec.ts) with more runs than the test command gives it.
#   npm run fuzz -- --runs 200 [--seed 42] [--only 'POST /api/v1/courses']
# Needs MySQL/MariaDB and Redis like the other end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=100
seed=""
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --runs=*) runs="${1#*=}"; shift ;;
    --seed) seed="$2"; shift 2 ;;
    --seed=*) seed="${1#*=}"; shift ;;
    --only) only="$2"; shift 2 ;;
    --only=*) only="${1#*=}"; shift ;;
    *) echo "usage: npm run fuzz -- [--runs N] [--seed S] [--only REGEX]" >&2; exit 2 ;;
  esac
done
case "$runs" in '' | *[!0-9]*) echo "--runs takes a whole number" >&2; exit 2 ;; esac

export FUZZ_RUNS="$runs"
if [ -n "$seed" ]; then export FUZZ_SEED="$seed"; fi
if [ -n "$only" ]; then export FUZZ_ONLY="$only"; fi
exec npx jest --runInBand test/e2e/api-fuzz.e2e-spec.ts
