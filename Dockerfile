# Build: docker build -t creator-campaign-pro .   Run: docker run -p 8080:8080 --env-file .env creator-campaign-pro
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ccp
WORKDIR /app
COPY --from=build /src/api/target/ccp.jar /app/ccp.jar
COPY config /app/config
USER ccp
# JVM sizing for containers (issue 13; keep this line as it is when the Dockerfile changes): the heap
# follows the container's memory limit (75% of it; the rest is metaspace, threads, code cache and
# direct buffers), and an out-of-memory error ends the process so the orchestrator restarts it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/ccp.jar"]
