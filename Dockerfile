# syntax=docker/dockerfile:1
# Build: docker build -t creator-campaign-pro .
# Run:   docker run -p 8080:8080 --env-file .env creator-campaign-pro   (or: docker compose up, see compose.yaml)

# --- 1. build the jar (Maven's repository is a BuildKit cache: a code change does not re-download it)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

# --- 2. split it into Spring Boot's layers: dependencies change rarely, the application at each build,
# so a rebuild ships only the last, small layer.
FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY --from=build /src/api/target/ccp.jar ccp.jar
RUN java -Djarmode=tools -jar ccp.jar extract --layers --destination extracted

# --- 3. the runtime image
FROM eclipse-temurin:17-jre
# curl for the HEALTHCHECK only.
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin ccp
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# The documented defaults; Spring Boot reads ./config/application.yml from the working directory.
COPY config/application.yml /app/config/application.yml
USER 10001:10001
EXPOSE 8080
# Container-aware heap; secrets come only from the environment (see config/.env.example).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    CCP_HEALTH_URL=http://127.0.0.1:8080/actuator/health/readiness
# Readiness includes the database: an instance that lost PostgreSQL reports unhealthy. With TLS in the
# platform set CCP_HEALTH_URL=https://127.0.0.1:8443/actuator/health/readiness (curl -k: the
# certificate names the public host, not 127.0.0.1).
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=4 \
    CMD curl -fsSk "$CCP_HEALTH_URL" > /dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/ccp.jar"]
