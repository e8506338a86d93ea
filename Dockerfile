# registry-guard gateway image. Build the jar first (./mvnw -pl gateway -am package), then:
#   docker build -t registry-guard:0.1.0 .
# The Helm chart (helm/registry-guard) runs it as uid 10001 with a read-only root filesystem and an
# emptyDir on /tmp, the only place the application writes.
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 guard \
 && useradd --system --uid 10001 --gid guard --home-dir /app --no-create-home --shell /usr/sbin/nologin guard

WORKDIR /app
COPY --chown=root:root --chmod=0444 gateway/target/registry-guard.jar /app/registry-guard.jar

# The heap follows the container's memory limit; override with JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"

# 8443 HTTPS (HTTP/2), 8080 HTTP (redirects to HTTPS), 9090 management (health, Prometheus, admin API).
EXPOSE 8443 8080 9090

# Numeric, so Kubernetes' runAsNonRoot can verify it.
USER 10001:10001

ENTRYPOINT ["java", "-jar", "/app/registry-guard.jar"]
