#!/usr/bin/env bash
# The API from registration to an accepted quote, through the gateway, with curl.
#
#   FORGE_BOOTSTRAP_ADMIN_EMAIL=admin@example.com FORGE_BOOTSTRAP_ADMIN_PASSWORD='a-long-admin-pass' ./forge up
#   FORGE_BOOTSTRAP_ADMIN_EMAIL=admin@example.com FORGE_BOOTSTRAP_ADMIN_PASSWORD='a-long-admin-pass' docs/walkthrough.sh
#
# Steps: a customer registers, confirms the email with the token from the mail (./forge mail),
# logs in, creates a quote and submits it; the admin makes a second user staff; staff prices the
# quote; the customer accepts it and downloads the PDF of the accepted revision. Each request is
# printed with its status; any unexpected status stops the walk with the problem document the API
# answered. The last line is "accepted: <quote id>".
#
# Environment: FORGE_GATEWAY_URL (default http://localhost:8080); FORGE_BOOTSTRAP_ADMIN_EMAIL and
# FORGE_BOOTSTRAP_ADMIN_PASSWORD, an admin account (only an admin can make a user staff). Needs
# curl and python3. The end-to-end tests run this script (suite-tests WalkthroughIT).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${FORGE_GATEWAY_URL:-http://localhost:8080}"
ADMIN_EMAIL="${FORGE_BOOTSTRAP_ADMIN_EMAIL:?set FORGE_BOOTSTRAP_ADMIN_EMAIL (an admin account)}"
ADMIN_PASSWORD="${FORGE_BOOTSTRAP_ADMIN_PASSWORD:?set FORGE_BOOTSTRAP_ADMIN_PASSWORD}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# call METHOD PATH EXPECTED-STATUS [curl arguments...]: the answer's body in $WORK/body, its
# headers in $WORK/headers.
call() {
    local method="$1" path="$2" expected="$3" status
    shift 3
    status="$(curl -sS -X "$method" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
        -H 'Accept: application/json' "$@" "$BASE$path")"
    echo "$method $path -> $status"
    if [ "$status" != "$expected" ]; then
        echo "expected $expected; the answer was:" >&2
        cat "$WORK/body" >&2
        echo >&2
        exit 1
    fi
}

# field NAME: a top-level field of the last answer's JSON body.
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$WORK/body" "$1"; }
etag() { sed -n 's/^[Ee][Tt][Aa][Gg]: *\(.*\)\r$/\1/p' "$WORK/headers"; }
post_json() { call POST "$1" "$2" -H 'Content-Type: application/json' --data-binary "$3" "${@:4}"; }

# register LABEL: a new account with a random email; prints "EMAIL PASSWORD ID".
register() {
    local email password
    email="walk-$1-$(python3 -c 'import secrets; print(secrets.token_hex(6))')@example.com"
    password="walk-$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')"
    post_json /api/auth/register 201 \
        "{\"email\": \"$email\", \"password\": \"$password\", \"display_name\": \"Walk $1\"}" >&2
    echo "$email $password $(field id)"
}

# verify EMAIL: confirms the address with the token of the verification mail (./forge mail).
verify() {
    local token="" i
    for i in $(seq 1 60); do
        token="$("$ROOT/forge" mail --json --to "$1" | python3 -c '
import json, sys
for message in json.load(sys.stdin):
    for link in message["links"]:
        if "/verify-email?token=" in link:
            print(link.split("token=", 1)[1]); sys.exit(0)')" || true
        [ -n "$token" ] && break
        sleep 0.5
    done
    [ -n "$token" ] || { echo "no verification mail to $1" >&2; exit 1; }
    post_json /api/auth/email/verify 200 "{\"token\": \"$token\"}"
}

# login EMAIL PASSWORD: prints the access token.
login() {
    post_json /api/auth/login 200 "{\"email\": \"$1\", \"password\": \"$2\"}" >&2
    field access_token
}

echo "== a customer registers, confirms the email and logs in"
read -r customer_email customer_password _ < <(register customer)
verify "$customer_email"
customer="$(login "$customer_email" "$customer_password")"

echo "== the customer creates a quote and submits it"
post_json /api/quotes 201 '{"title": "Fence panels", "currency": "USD", "items": [
    {"description": "Cedar panel", "quantity": 3, "unit": "ea"},
    {"description": "Installation", "quantity": 2.5, "unit": "h"}]}' \
    -H "Authorization: Bearer $customer"
quote="$(field id)"
echo "created $(field number) ($quote), status $(field status)"
call POST "/api/quotes/$quote/submit" 200 -H "Authorization: Bearer $customer" -H "If-Match: $(etag)"
items="$(python3 -c 'import json,sys; print(" ".join(i["id"] for i in json.load(open(sys.argv[1]))["items"]))' "$WORK/body")"
submitted_etag="$(etag)"

echo "== the admin makes a new user staff"
read -r staff_email staff_password staff_id < <(register staff)
verify "$staff_email"
admin="$(login "$ADMIN_EMAIL" "$ADMIN_PASSWORD")"
call PATCH "/api/auth/users/$staff_id" 200 -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' --data-binary '{"role": "staff"}'
staff="$(login "$staff_email" "$staff_password")"

echo "== staff prices the quote: 19.99 a panel, 45.00 an hour, 8.25 % tax, valid 30 days"
read -r panel install <<<"$items"
valid_until="$(python3 -c 'import datetime as d; print((d.datetime.now(d.timezone.utc) + d.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ"))')"
post_json "/api/quotes/$quote/price" 200 "{\"items\": [
    {\"id\": \"$panel\", \"unit_price_minor\": 1999}, {\"id\": \"$install\", \"unit_price_minor\": 4500}],
    \"tax_rate_bps\": 825, \"valid_until\": \"$valid_until\"}" \
    -H "Authorization: Bearer $staff" -H "If-Match: $submitted_etag"
echo "priced: subtotal $(field subtotal_minor), tax $(field tax_minor), total $(field total_minor) (minor units of $(field currency))"

echo "== the customer accepts"
post_json "/api/quotes/$quote/accept" 200 '{"signer_name": "Walk Customer"}' \
    -H "Authorization: Bearer $customer" -H "If-Match: $(etag)"
[ "$(field status)" = accepted ] || { echo "the quote is $(field status), not accepted" >&2; exit 1; }

echo "== the customer downloads the quote document (PDF) of revision 1"
pdf="/api/quotes/$quote/revisions/1/pdf"
status="$(curl -sS -o "$WORK/quote.pdf" -w '%{http_code}' -H "Authorization: Bearer $customer" \
    -H 'Accept: application/pdf' "$BASE$pdf")"
echo "GET $pdf -> $status ($(wc -c < "$WORK/quote.pdf") bytes)"
[ "$status" = 200 ] && [ "$(head -c 5 "$WORK/quote.pdf")" = "%PDF-" ] \
    || { echo "expected 200 and a PDF" >&2; exit 1; }
echo "accepted: $quote"
