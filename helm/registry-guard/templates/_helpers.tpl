{{/* Chart name, truncated to the 63 characters a label allows. */}}
{{- define "registry-guard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Resource name prefix: <release>-<chart>, or the release name when it already contains the chart name. */}}
{{- define "registry-guard.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "registry-guard.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "registry-guard.labels" -}}
helm.sh/chart: {{ include "registry-guard.chart" . }}
app.kubernetes.io/name: {{ include "registry-guard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: registry-guard
{{- end }}

{{/* Selector of the gateway pods; the component keeps the bundled Redis out of the gateway's Services. */}}
{{- define "registry-guard.selectorLabels" -}}
app.kubernetes.io/name: {{ include "registry-guard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: gateway
{{- end }}

{{- define "registry-guard.redis.selectorLabels" -}}
app.kubernetes.io/name: {{ include "registry-guard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: redis
{{- end }}

{{- define "registry-guard.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "registry-guard.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "registry-guard.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
A secret value the chart generates once: reuse what the live Secret holds (lookup; empty under
`helm template` and dry runs), otherwise draw a new random one.
Arguments: list of root context, Secret name, key, length.
*/}}
{{- define "registry-guard.stableRandom" -}}
{{- $root := index . 0 }}
{{- $name := index . 1 }}
{{- $key := index . 2 }}
{{- $length := index . 3 }}
{{- $existing := include "registry-guard.liveSecretValue" (list $root $name $key) }}
{{- if $existing }}
{{- $existing }}
{{- else }}
{{- randAlphaNum $length }}
{{- end }}
{{- end }}

{{/*
The same for a key the application reads as base64: the random characters are base64-encoded once
(the Secret's own encoding comes on top), and the live value is kept as it is.
Arguments: list of root context, Secret name, key, number of random characters.
*/}}
{{- define "registry-guard.stableRandomBase64" -}}
{{- $root := index . 0 }}
{{- $name := index . 1 }}
{{- $key := index . 2 }}
{{- $length := index . 3 }}
{{- $existing := include "registry-guard.liveSecretValue" (list $root $name $key) }}
{{- if $existing }}
{{- $existing }}
{{- else }}
{{- randAlphaNum $length | b64enc }}
{{- end }}
{{- end }}

{{/* A key of a live Secret, decoded; empty when the Secret or the key does not exist (always under `helm template`). */}}
{{- define "registry-guard.liveSecretValue" -}}
{{- $root := index . 0 }}
{{- $existing := lookup "v1" "Secret" $root.Release.Namespace (index . 1) }}
{{- if and $existing $existing.data (hasKey $existing.data (index . 2)) }}
{{- index $existing.data (index . 2) | b64dec }}
{{- end }}
{{- end }}

{{/* ---- Names of the Secrets and ConfigMaps the pods use: the operator's existing one, or the chart's. ---- */}}

{{- define "registry-guard.policyConfigMapName" -}}
{{- default (printf "%s-policy" (include "registry-guard.fullname" .)) .Values.policy.existingConfigMap }}
{{- end }}

{{- define "registry-guard.policyContent" -}}
{{- if .Values.policy.content }}
{{- .Values.policy.content }}
{{- else }}
{{- .Files.Get "files/policy.yaml" }}
{{- end }}
{{- end }}

{{- define "registry-guard.adminSecretName" -}}
{{- default (printf "%s-admin" (include "registry-guard.fullname" .)) .Values.admin.existingSecret }}
{{- end }}

{{- define "registry-guard.adminSecretKey" -}}
{{- if .Values.admin.existingSecret }}{{ .Values.admin.existingSecretKey }}{{ else }}token{{ end }}
{{- end }}

{{- define "registry-guard.deviceCookieSecretName" -}}
{{- default (printf "%s-device-cookie" (include "registry-guard.fullname" .)) .Values.deviceCookie.existingSecret }}
{{- end }}

{{- define "registry-guard.deviceCookieSecretKey" -}}
{{- if .Values.deviceCookie.existingSecret }}{{ .Values.deviceCookie.existingSecretKey }}{{ else }}key{{ end }}
{{- end }}

{{- define "registry-guard.sessionSecretName" -}}
{{- default (printf "%s-session" (include "registry-guard.fullname" .)) .Values.session.existingSecret }}
{{- end }}

{{- define "registry-guard.sessionSecretKey" -}}
{{- if .Values.session.existingSecret }}{{ .Values.session.existingSecretKey }}{{ else }}key{{ end }}
{{- end }}

{{- define "registry-guard.emailCodesSecretName" -}}
{{- default (printf "%s-email-codes" (include "registry-guard.fullname" .)) .Values.emailCodes.existingSecret }}
{{- end }}

{{- define "registry-guard.emailCodesSecretKey" -}}
{{- if .Values.emailCodes.existingSecret }}{{ .Values.emailCodes.existingSecretKey }}{{ else }}key{{ end }}
{{- end }}

{{- define "registry-guard.tlsSecretName" -}}
{{- default (printf "%s-tls" (include "registry-guard.fullname" .)) .Values.tls.existingSecret }}
{{- end }}

{{/* True when the pods get TLS material at all (a Secret of the operator's, given PEM, or a generated one). */}}
{{- define "registry-guard.tlsConfigured" -}}
{{- if and .Values.tls.enabled (or .Values.tls.existingSecret .Values.tls.certificate .Values.tls.selfSigned) }}true{{ end }}
{{- end }}

{{- define "registry-guard.stepUpSecretName" -}}
{{- default (printf "%s-stepup" (include "registry-guard.fullname" .)) .Values.stepUp.existingSecret }}
{{- end }}

{{- define "registry-guard.stepUpSecretKey" -}}
{{- if .Values.stepUp.existingSecret }}{{ .Values.stepUp.existingSecretKey }}{{ else }}jwks.json{{ end }}
{{- end }}

{{- define "registry-guard.stepUpConfigured" -}}
{{- if or .Values.stepUp.existingSecret .Values.stepUp.jwks }}true{{ end }}
{{- end }}

{{- define "registry-guard.factorsSecretName" -}}
{{- default (printf "%s-factors" (include "registry-guard.fullname" .)) .Values.factorEncryption.existingSecret }}
{{- end }}

{{- define "registry-guard.factorsSecretKey" -}}
{{- if .Values.factorEncryption.existingSecret }}{{ .Values.factorEncryption.existingSecretKey }}{{ else }}keys.json{{ end }}
{{- end }}

{{/* True when the chart draws the key ring itself: neither keys nor an existingSecret were given. */}}
{{- define "registry-guard.factorsGenerated" -}}
{{- if not (or .Values.factorEncryption.existingSecret .Values.factorEncryption.keys) }}true{{ end }}
{{- end }}

{{/*
The key ring the chart's Secret holds (keys.json): the one given in factorEncryption.keys (checked
here, so a malformed ring fails the install instead of every pod), else the live Secret's (lookup),
else a new one of one generated primary key. The format is the gateway's:
{"keys":[{"kid":"2026-11","key":"<standard base64 of 32 bytes>","primary":true}]}
*/}}
{{- define "registry-guard.factorKeysJson" -}}
{{- if .Values.factorEncryption.keys }}
{{- include "registry-guard.checkFactorKeys" .Values.factorEncryption.keys }}
{{- .Values.factorEncryption.keys | trim }}
{{- else }}
{{- $existing := include "registry-guard.liveSecretValue" (list . (include "registry-guard.factorsSecretName" .) "keys.json") }}
{{- if $existing }}
{{- $existing }}
{{- else }}
{{- /* 32 alphanumeric characters: exactly the 32 bytes AES-256 needs. */}}
{{- dict "keys" (list (dict "kid" (printf "generated-%s" (randAlphaNum 8)) "key" (randAlphaNum 32 | b64enc) "primary" true)) | toJson }}
{{- end }}
{{- end }}
{{- end }}

{{/* Fails the render when factorEncryption.keys is not a key ring the gateway can read. */}}
{{- define "registry-guard.checkFactorKeys" -}}
{{- $example := "{\"keys\":[{\"kid\":\"2026-11\",\"key\":\"<standard base64 of 32 bytes>\",\"primary\":true}]}" }}
{{- $ring := fromJson . }}
{{- if or (hasKey $ring "Error") (not (kindIs "slice" $ring.keys)) }}
{{- fail (printf "factorEncryption.keys must be JSON like %s" $example) }}
{{- end }}
{{- if ne (len (keys $ring)) 1 }}
{{- fail (printf "factorEncryption.keys: only \"keys\" is allowed at the top, e.g. %s" $example) }}
{{- end }}
{{- if not $ring.keys }}
{{- fail "factorEncryption.keys: \"keys\" is empty; the ring needs at least one key" }}
{{- end }}
{{- $kids := list }}
{{- $primaries := 0 }}
{{- range $i, $entry := $ring.keys }}
{{- if not (kindIs "map" $entry) }}
{{- fail (printf "factorEncryption.keys: keys[%d] must be an object with \"kid\" and \"key\"" $i) }}
{{- end }}
{{- range $field, $_ := $entry }}
{{- if not (has $field (list "kid" "key" "primary")) }}
{{- fail (printf "factorEncryption.keys: keys[%d] has an unknown field; expected kid, key, primary" $i) }}
{{- end }}
{{- end }}
{{- if not (and (kindIs "string" $entry.kid) (regexMatch "^[A-Za-z0-9_-]{1,64}$" (toString $entry.kid))) }}
{{- fail (printf "factorEncryption.keys: keys[%d].kid must be 1 to 64 characters of A-Z a-z 0-9 _ -" $i) }}
{{- end }}
{{- if has $entry.kid $kids }}
{{- fail (printf "factorEncryption.keys: kid %q appears twice" $entry.kid) }}
{{- end }}
{{- $kids = append $kids $entry.kid }}
{{- /* Never echo the key itself. */}}
{{- if not (and (kindIs "string" $entry.key) (regexMatch "^[A-Za-z0-9+/]{43}=?$" (toString $entry.key))) }}
{{- fail (printf "factorEncryption.keys: keys[%d].key (kid %q) must be standard base64 of exactly 32 bytes, e.g. from `openssl rand -base64 32`" $i $entry.kid) }}
{{- end }}
{{- if hasKey $entry "primary" }}
{{- if not (kindIs "bool" $entry.primary) }}
{{- fail (printf "factorEncryption.keys: keys[%d].primary must be true or false" $i) }}
{{- end }}
{{- if $entry.primary }}
{{- $primaries = add1 $primaries }}
{{- end }}
{{- end }}
{{- end }}
{{- if gt $primaries 1 }}
{{- fail "factorEncryption.keys: more than one key is marked primary" }}
{{- end }}
{{- end }}

{{- define "registry-guard.accountsConfigMapName" -}}
{{- printf "%s-accounts" (include "registry-guard.fullname" .) }}
{{- end }}

{{/* Fails the render when accounts.file is not the gateway's `accounts: {username: address}` YAML. */}}
{{- define "registry-guard.checkAccountsFile" -}}
{{- if and .Values.accounts.file .Values.accounts.urlTemplate }}
{{- fail "set accounts.file or accounts.urlTemplate, not both: the gateway would use the file and ignore the URL" }}
{{- end }}
{{- if .Values.accounts.file }}
{{- $doc := fromYaml .Values.accounts.file }}
{{- if or (hasKey $doc "Error") (not (kindIs "map" $doc.accounts)) }}
{{- fail "accounts.file must be YAML of the form `accounts: {alice: alice@example.test}`" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "registry-guard.smtpSecretName" -}}
{{- default (printf "%s-smtp" (include "registry-guard.fullname" .)) .Values.smtp.existingSecret }}
{{- end }}

{{- define "registry-guard.smtpSecretKey" -}}
{{- if .Values.smtp.existingSecret }}{{ .Values.smtp.existingSecretPasswordKey }}{{ else }}password{{ end }}
{{- end }}

{{- define "registry-guard.smtpPasswordConfigured" -}}
{{- if and .Values.smtp.host (or .Values.smtp.existingSecret .Values.smtp.password) }}true{{ end }}
{{- end }}

{{- define "registry-guard.redisSecretName" -}}
{{- default (printf "%s-redis" (include "registry-guard.fullname" .)) .Values.redis.existingSecret }}
{{- end }}

{{- define "registry-guard.redisSecretKey" -}}
{{- if .Values.redis.existingSecret }}{{ .Values.redis.existingSecretPasswordKey }}{{ else }}redis-password{{ end }}
{{- end }}

{{/* The bundled Redis always has a password (generated when none is given). */}}
{{- define "registry-guard.redisPasswordConfigured" -}}
{{- if and (ne .Values.redis.mode "none") (or .Values.redis.existingSecret .Values.redis.password (eq .Values.redis.mode "bundled")) }}true{{ end }}
{{- end }}

{{- define "registry-guard.redisServiceName" -}}
{{- printf "%s-redis" (include "registry-guard.fullname" .) }}
{{- end }}

{{/* Pods that can run at once: more than one means per-pod state diverges without Redis. */}}
{{- define "registry-guard.multiReplica" -}}
{{- if or (gt (int .Values.replicaCount) 1) (and .Values.autoscaling.enabled (gt (int .Values.autoscaling.maxReplicas) 1)) }}true{{ end }}
{{- end }}

{{/*
Standalone/bundled Redis URL. Spring Boot takes the password from the URL and ignores
spring.data.redis.password once a URL is set, so the password goes into the URL through Kubernetes'
$(VAR) expansion of SPRING_DATA_REDIS_PASSWORD (defined before it).
*/}}
{{- define "registry-guard.redisUrl" -}}
{{- $url := "" }}
{{- if eq .Values.redis.mode "bundled" }}
{{- $url = printf "redis://%s:6379" (include "registry-guard.redisServiceName" .) }}
{{- else }}
{{- $url = required "redis.url is required when redis.mode is standalone" .Values.redis.url }}
{{- end }}
{{- $parsed := urlParse $url }}
{{- if not (has $parsed.scheme (list "redis" "rediss")) }}
{{- fail (printf "redis.url must start with redis:// or rediss://, got %q" $url) }}
{{- end }}
{{- if contains ":" $parsed.userinfo }}
{{- fail "redis.url must not contain a password: use redis.password or redis.existingSecret" }}
{{- end }}
{{- $scheme := ternary "rediss" $parsed.scheme .Values.redis.tls }}
{{- $auth := "" }}
{{- if include "registry-guard.redisPasswordConfigured" . }}
{{- $auth = printf "%s:$(SPRING_DATA_REDIS_PASSWORD)@" $parsed.userinfo }}
{{- else if $parsed.userinfo }}
{{- $auth = printf "%s@" $parsed.userinfo }}
{{- end }}
{{- printf "%s://%s%s%s" $scheme $auth $parsed.host $parsed.path }}
{{- with $parsed.query }}?{{ . }}{{ end }}
{{- end }}

{{/* TLS towards Redis: asked for, or implied by a rediss:// URL. */}}
{{- define "registry-guard.redisTls" -}}
{{- if or .Values.redis.tls (and (eq .Values.redis.mode "standalone") (hasPrefix "rediss://" .Values.redis.url)) }}true{{ end }}
{{- end }}

{{/* Port of a URL: explicit, or the scheme's default. */}}
{{- define "registry-guard.urlPort" -}}
{{- $parsed := urlParse . }}
{{- $hostPort := splitList ":" $parsed.host }}
{{- if gt (len $hostPort) 1 }}{{ last $hostPort }}
{{- else if eq $parsed.scheme "https" }}443
{{- else if eq $parsed.scheme "http" }}80
{{- else }}6379
{{- end }}
{{- end }}

{{/* Ports of the external Redis, as a JSON list, for the NetworkPolicy: given, or taken from the settings. */}}
{{- define "registry-guard.redisPorts" -}}
{{- $ports := list }}
{{- if .Values.networkPolicy.egress.redis.ports }}
{{- $ports = .Values.networkPolicy.egress.redis.ports }}
{{- else if eq .Values.redis.mode "standalone" }}
{{- $ports = append $ports (include "registry-guard.urlPort" .Values.redis.url | int) }}
{{- end }}
{{- $ports | uniq | toJson }}
{{- end }}
