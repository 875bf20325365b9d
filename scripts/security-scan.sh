#!/usr/bin/env bash
# npm run security:scan — sqlmap and wapiti against a platform started here on loopback.
#
# Builds, starts `npm start`'s processes (migrations, demo data, api, worker) on its own port,
# database and queue prefix, signs in as a demo learner and the administrator, runs sqlmap
# (injection: public and authenticated parameters, JSON bodies, path ids) and wapiti (crawler
# and attack modules, once anonymous and once with the admin token), writes everything under
# .reports/security/ with a summary, and stops the platform. Not part of `npm test`: it takes
# several minutes. Needs MySQL/MariaDB and Redis like `npm start`, and root or sudo to install
# the scanners (Debian packages `sqlmap` and `wapiti`) when they are missing.
#
# Settings (environment): SCAN_PORT (3105), SCAN_DATABASE (lifelong_security_scan),
# SCAN_SQLMAP_LEVEL (1), SCAN_SQLMAP_RISK (1), SCAN_WAPITI_SECONDS (120, per wapiti run),
# SCAN_SKIP_BUILD (1: use the dist/ already built).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${SCAN_PORT:-3105}"
DATABASE="${SCAN_DATABASE:-lifelong_security_scan}"
LEVEL="${SCAN_SQLMAP_LEVEL:-1}"
RISK="${SCAN_SQLMAP_RISK:-1}"
WAPITI_SECONDS="${SCAN_WAPITI_SECONDS:-120}"
BASE="http://127.0.0.1:${PORT}"
REPORTS=".reports/security"
LOG="${REPORTS}/platform.log"

say() { printf '\n== %s\n' "$*"; }

install_scanners() {
  local missing=()
  command -v sqlmap >/dev/null || missing+=(sqlmap)
  command -v wapiti >/dev/null || missing+=(wapiti)
  [ ${#missing[@]} -eq 0 ] && return
  say "Installing ${missing[*]} (Debian packages)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
}

platform_pid=""
stop_platform() {
  if [ -n "$platform_pid" ] && kill -0 "$platform_pid" 2>/dev/null; then
    say "Stopping the platform"
    kill -TERM "$platform_pid" 2>/dev/null || true
    wait "$platform_pid" 2>/dev/null || true
  fi
}
trap stop_platform EXIT

json_field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=process.argv[1].split(".").reduce((o,k)=>o?.[k],JSON.parse(s||"{}"));process.stdout.write(v===undefined||v===null?"":String(v))})' "$1"; }

sign_in() {
  curl -sf -X POST "${BASE}/api/v1/auth/login" -H 'content-type: application/json' \
    --data "{\"email\":\"$1\",\"password\":\"$2\"}" | json_field accessToken
}

install_scanners
mkdir -p "$REPORTS"
rm -rf "${REPORTS:?}/sqlmap" "${REPORTS:?}/wapiti-"*

if [ "${SCAN_SKIP_BUILD:-}" != 1 ]; then
  say "Building"
  npm run build >/dev/null
fi

# The platform's own settings for the scan: a fresh secret, long-lived tokens (the scan outlasts
# the default 15 minutes) and login limits high enough that the scanners test injection, not
# the limiter (which has tests of its own).
export NODE_ENV=development PORT HOST=127.0.0.1 PUBLIC_URL="$BASE" LOG_LEVEL=warn
export DATABASE_URL="mysql://root@127.0.0.1:3306/${DATABASE}"
export QUEUE_PREFIX="security_scan" MEDIA_DIR="var/security-scan-media"
export JWT_SECRET="$(node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))')"
export ADMIN_EMAIL="admin@scan.lifelong.local" ADMIN_PASSWORD="Scan-$(node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("hex"))')"
export ACCESS_TOKEN_TTL_SECONDS=7200 LOGIN_MAX_PER_IP=100000 LOGIN_MAX_PER_ACCOUNT=100000

say "Starting the platform on ${BASE} (a fresh database ${DATABASE}; log ${LOG})"
# Fresh each time: the administrator's password is new for every scan.
node -e 'require("mysql2/promise").createConnection("mysql://root@127.0.0.1:3306").then(async (c) => { await c.query(`DROP DATABASE IF EXISTS \`${process.argv[1]}\``); await c.end(); })' "$DATABASE"
node dist/apps/cli/main.js up >"$LOG" 2>&1 &
platform_pid=$!
for _ in $(seq 1 180); do
  curl -sf "${BASE}/health/ready" >/dev/null 2>&1 && break
  kill -0 "$platform_pid" 2>/dev/null || { echo "The platform stopped; see ${LOG}" >&2; exit 1; }
  sleep 1
done
curl -sf "${BASE}/health/ready" >/dev/null || { echo "The platform never became ready; see ${LOG}" >&2; exit 1; }

ADMIN_TOKEN="$(sign_in "$ADMIN_EMAIL" "$ADMIN_PASSWORD")"
LEARNER_TOKEN="$(sign_in hocvien.hoanthanh@demo.lifelong.local 'Lifelong@2026')"
[ -n "$ADMIN_TOKEN" ] && [ -n "$LEARNER_TOKEN" ] || { echo "Signing in failed" >&2; exit 1; }
COURSE_ID="$(curl -sf "${BASE}/api/v1/courses?pageSize=1" | json_field items.0.id)"
FACILITY_ID="$(curl -sf "${BASE}/api/v1/facilities?pageSize=1" | json_field items.0.id)"
ENROLLMENT_ID="$(curl -sf -H "authorization: Bearer ${LEARNER_TOKEN}" "${BASE}/api/v1/me/enrollments?pageSize=1" | json_field items.0.id)"
SERIAL="$(curl -sf -H "authorization: Bearer ${LEARNER_TOKEN}" "${BASE}/api/v1/me/certificates?pageSize=1" | json_field items.0.serial)"
SERIAL="${SERIAL:-0000-0000-0000-00}"
echo "course ${COURSE_ID}, facility ${FACILITY_ID}, enrollment ${ENROLLMENT_ID}, serial ${SERIAL}"

# sqlmap: one run per target; `*` marks a path segment to inject into.
SQLMAP=(sqlmap --batch --level="$LEVEL" --risk="$RISK" --threads=2 --timeout=15 --retries=1
  --time-sec=2 --ignore-code=400,401,403,404,409,413,415,422,429 --flush-session
  --disable-coloring --output-dir="${REPORTS}/sqlmap")
run_sqlmap() {
  local name="$1"
  shift
  say "sqlmap: ${name}"
  "${SQLMAP[@]}" "$@" >"${REPORTS}/sqlmap-${name}.log" 2>&1 || true
  grep -E "is vulnerable|appears to be|injectable|not injectable|all tested parameters" \
    "${REPORTS}/sqlmap-${name}.log" | sed 's/^/  /' | head -20 || true
}
AUTH_ADMIN="Authorization: Bearer ${ADMIN_TOKEN}"
AUTH_LEARNER="Authorization: Bearer ${LEARNER_TOKEN}"
JSON="Content-Type: application/json"
run_sqlmap catalogue -u "${BASE}/api/v1/courses?q=hoc+tap&tag=x&facilityId=${FACILITY_ID}&page=1&pageSize=5"
run_sqlmap course-id -u "${BASE}/api/v1/courses/${COURSE_ID}*"
run_sqlmap verify-serial -u "${BASE}/api/v1/verify/${SERIAL}*"
run_sqlmap facilities -u "${BASE}/api/v1/facilities?type=community_learning_center&adminUnitId=x"
run_sqlmap broadcasts -u "${BASE}/api/v1/broadcasts?from=2026-01-01T00:00:00.000Z&to=2026-12-31T00:00:00.000Z&channelId=x"
run_sqlmap login -u "${BASE}/api/v1/auth/login" -H "$JSON" \
  --data='{"email":"hocvien@demo.lifelong.local","password":"wrong-password"}'
run_sqlmap enrollment -u "${BASE}/api/v1/enrollments/${ENROLLMENT_ID}*" -H "$AUTH_LEARNER"
run_sqlmap compliance -u "${BASE}/api/v1/training/compliance?orgUnitId=x" -H "$AUTH_ADMIN"
run_sqlmap admin-users-roles -u "${BASE}/api/v1/admin/users/x*/roles" -H "$AUTH_ADMIN" -H "$JSON" \
  --data='{"role":"instructor","scopeType":"facility","scopeId":"x"}'

# wapiti: crawl and attack from these start points, bounded in time. (No `-x`: Debian's wapiti
# 3.0.4 crashes on any exclusion under Python 3.11. Nothing links to logout or the queue board.)
START=(-s "${BASE}/api/v1/courses?q=hoc" -s "${BASE}/api/v1/courses/${COURSE_ID}"
  -s "${BASE}/api/v1/facilities?type=other" -s "${BASE}/api/v1/broadcasts?channelId=x"
  -s "${BASE}/api/v1/verify/${SERIAL}" -s "${BASE}/verify/${SERIAL}"
  -s "${BASE}/api/v1/channels" -s "${BASE}/api/v1/admin-units?parentId=x"
  -s "${BASE}/api/v1/me/schedule.ics?token=x" -s "${BASE}/api/v1/notifications/unsubscribe?token=x")
START_AUTH=(-s "${BASE}/api/v1/me" -s "${BASE}/api/v1/me/enrollments?page=1"
  -s "${BASE}/api/v1/enrollments/${ENROLLMENT_ID}" -s "${BASE}/api/v1/me/notifications?unread=true"
  -s "${BASE}/api/v1/training/compliance?orgUnitId=x" -s "${BASE}/api/v1/training/staff?orgUnitId=x"
  -s "${BASE}/api/v1/certificate-templates?facilityId=${FACILITY_ID}")
WAPITI=(wapiti --flush-session --scope folder --depth 3 --max-links-per-page 50
  --max-scan-time "$WAPITI_SECONDS" --max-attack-time "$((WAPITI_SECONDS / 3))" --timeout 10
  -f json -v 1)
say "wapiti: public pages and api (anonymous, ${WAPITI_SECONDS} s)"
"${WAPITI[@]}" -u "${BASE}/" "${START[@]}" \
  -o "${REPORTS}/wapiti-public.json" >"${REPORTS}/wapiti-public.log" 2>&1 || true
say "wapiti: api with the administrator's token (${WAPITI_SECONDS} s)"
"${WAPITI[@]}" -u "${BASE}/api/v1/" "${START[@]}" "${START_AUTH[@]}" -H "$AUTH_ADMIN" \
  -o "${REPORTS}/wapiti-api.json" >"${REPORTS}/wapiti-api.log" 2>&1 || true

say "Answers the platform logged during the scan (4xx at warn, 5xx at error)"
{
  grep -o '"statusCode":[0-9]*' "$LOG" | sort | uniq -c || true
  echo "errors logged: $(grep -c '"level":50' "$LOG" || true)"
} | tee "${REPORTS}/platform-summary.txt"

say "Summary (${REPORTS}/summary.txt)"
node - "$REPORTS" <<'EOF' | tee "${REPORTS}/summary.txt"
const fs = require('fs');
const dir = process.argv[2];
for (const file of fs.readdirSync(dir).filter((f) => /^sqlmap-.*\.log$/.test(f)).sort()) {
  const log = fs.readFileSync(`${dir}/${file}`, 'utf8');
  const injectable = /sqlmap identified the following injection point|is vulnerable/.test(log);
  const tests = (log.match(/\[INFO\] testing '/g) || []).length;
  const params = new Set([...log.matchAll(/testing for SQL injection on (.+?)$/gm)].map((m) => m[1]));
  console.log(`sqlmap ${file.slice(7, -4)}: ${injectable ? 'INJECTABLE' : 'no injection found'}` +
    ` (${params.size} parameters, ${tests} techniques tried)`);
}
for (const name of ['public', 'api']) {
  const path = `${dir}/wapiti-${name}.json`;
  if (!fs.existsSync(path)) { console.log(`wapiti ${name}: no report`); continue; }
  const report = JSON.parse(fs.readFileSync(path, 'utf8'));
  const count = (group) => Object.entries(report[group] || {}).filter(([, list]) => list.length);
  const found = [...count('vulnerabilities'), ...count('anomalies')];
  const log = fs.readFileSync(`${dir}/wapiti-${name}.log`, 'utf8');
  const modules = (log.match(/Launching module/g) || []).length;
  const attacked = new Set(log.match(/^\[\+\] (GET|POST) \S+/gm) || []).size;
  console.log(`wapiti ${name}: ${found.length ? found.map(([k, l]) => `${k}: ${l.length}`).join(', ') : 'nothing found'}` +
    ` (${modules} modules, ${attacked} requests to attack points logged)`);
  for (const [kind, list] of found) for (const item of list.slice(0, 5))
    console.log(`  ${kind}: ${item.method} ${item.path} ${item.parameter || ''} — ${String(item.info).slice(0, 160)}`);
}
EOF
