#!/usr/bin/env bash
# Creates the Secrets of the dev overlay with random values, once: deploy/k8s/secrets/*.yaml name
# them (with placeholders). Secrets that already exist are left alone, so running this again
# never changes a password that PostgreSQL or Redis already uses.
#
#   deploy/k8s/create-secrets.sh [NAMESPACE]      (default patriotforge-dev)
#   FORGE_BOOTSTRAP_ADMIN_EMAIL=... FORGE_BOOTSTRAP_ADMIN_PASSWORD=... deploy/k8s/create-secrets.sh
#
# For prod, create the same Secrets from your secret manager with the external databases'
# credentials (see deploy/README.md); this script is for the dev overlay's own datastores.
set -euo pipefail
ns="${1:-patriotforge-dev}"
command -v kubectl >/dev/null || { echo "kubectl is required" >&2; exit 1; }
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }

kubectl get namespace "$ns" >/dev/null 2>&1 || kubectl create namespace "$ns"
exists() { kubectl -n "$ns" get secret "$1" >/dev/null 2>&1; }
rand() { openssl rand -hex 24; }
apply() { kubectl -n "$ns" apply -f - >/dev/null; }

if exists forge-datastores; then
    echo "secret forge-datastores exists: keeping it"
else
    kubectl -n "$ns" create secret generic forge-datastores --dry-run=client -o yaml \
        --from-literal=PG_SUPER_PASSWORD="$(rand)" \
        --from-literal=AUTH_DB_PASSWORD="$(rand)" \
        --from-literal=QUOTE_DB_PASSWORD="$(rand)" \
        --from-literal=AUTH_DB_MIGRATION_PASSWORD="$(rand)" \
        --from-literal=QUOTE_DB_MIGRATION_PASSWORD="$(rand)" \
        --from-literal=REDIS_ADMIN_PASSWORD="$(rand)" \
        --from-literal=AUTH_REDIS_PASSWORD="$(rand)" \
        --from-literal=QUOTE_REDIS_PASSWORD="$(rand)" | apply
    echo "created secret forge-datastores"
fi
get() {
    kubectl -n "$ns" get secret forge-datastores -o "jsonpath={.data.$1}" | base64 -d
}

if exists auth-service; then
    echo "secret auth-service exists: keeping it"
    # A Secret made before TOTP existed gains the key of TOTP secrets; an existing key stays.
    if [ -z "$(kubectl -n "$ns" get secret auth-service \
        -o 'jsonpath={.data.FORGE_AUTH_MFA_ENCRYPTION_KEY}')" ]; then
        kubectl -n "$ns" patch secret auth-service --type merge -p \
            "{\"stringData\":{\"FORGE_AUTH_MFA_ENCRYPTION_KEY\":\"$(openssl rand -base64 32)\"}}" \
            >/dev/null
        echo "added FORGE_AUTH_MFA_ENCRYPTION_KEY to secret auth-service"
    fi
else
    admin=()
    # The SMTP relay's login, when the caller gives one (FORGE_SMTP_USER/FORGE_SMTP_PASSWORD).
    if [ -n "${FORGE_SMTP_USER:-}" ] && [ -n "${FORGE_SMTP_PASSWORD:-}" ]; then
        admin+=(--from-literal=FORGE_SMTP_USER="$FORGE_SMTP_USER"
            --from-literal=FORGE_SMTP_PASSWORD="$FORGE_SMTP_PASSWORD")
    fi
    if [ -n "${FORGE_BOOTSTRAP_ADMIN_EMAIL:-}" ] && [ -n "${FORGE_BOOTSTRAP_ADMIN_PASSWORD:-}" ]; then
        admin+=(--from-literal=FORGE_BOOTSTRAP_ADMIN_EMAIL="$FORGE_BOOTSTRAP_ADMIN_EMAIL"
            --from-literal=FORGE_BOOTSTRAP_ADMIN_PASSWORD="$FORGE_BOOTSTRAP_ADMIN_PASSWORD")
    fi
    kubectl -n "$ns" create secret generic auth-service --dry-run=client -o yaml \
        --from-literal=FORGE_AUTH_DB_PASSWORD="$(get AUTH_DB_PASSWORD)" \
        --from-literal=FORGE_AUTH_DB_MIGRATION_PASSWORD="$(get AUTH_DB_MIGRATION_PASSWORD)" \
        --from-literal=FORGE_AUTH_REDIS_URL="redis://forge_auth:$(get AUTH_REDIS_PASSWORD)@redis:6379" \
        --from-literal=FORGE_AUTH_MFA_ENCRYPTION_KEY="$(openssl rand -base64 32)" \
        "${admin[@]}" | apply
    echo "created secret auth-service"
fi

if exists quote-service; then
    echo "secret quote-service exists: keeping it"
else
    kubectl -n "$ns" create secret generic quote-service --dry-run=client -o yaml \
        --from-literal=FORGE_QUOTE_DB_PASSWORD="$(get QUOTE_DB_PASSWORD)" \
        --from-literal=FORGE_QUOTE_DB_MIGRATION_PASSWORD="$(get QUOTE_DB_MIGRATION_PASSWORD)" \
        --from-literal=FORGE_QUOTE_REDIS_URL="redis://forge_quote:$(get QUOTE_REDIS_PASSWORD)@redis:6379" \
        --from-literal=FORGE_WEBHOOK_ENCRYPTION_KEY="$(openssl rand -base64 32)" | apply
    echo "created secret quote-service"
fi

if exists auth-service-jwt; then
    echo "secret auth-service-jwt exists: keeping it"
else
    key="$(mktemp)"
    trap 'rm -f "$key"' EXIT
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null
    kubectl -n "$ns" create secret generic auth-service-jwt --dry-run=client -o yaml \
        --from-file=signing-key.pem="$key" | apply
    echo "created secret auth-service-jwt"
fi
