# Tandem, self-hosted: docker compose up (see docker-compose.yml), or
#   docker build -t tandem . && docker run -p 8080:8080 -e SPRING_DATASOURCE_URL=... tandem
#
# Build stage: the production jar with the Vaadin production bundle.
FROM eclipse-temurin:25-jdk AS build

# The jOOQ code generation starts a throw-away embedded PostgreSQL (zonky) during
# the build. As root, zonky wraps initdb/postgres in `unshare -U`, which a docker
# build usually does not allow; as an ordinary user it needs nothing. So the
# build runs as a non-root user. Vaadin keeps its Node (downloaded on first use)
# in that user's ~/.vaadin and Maven its cache in ~/.m2.
RUN groupadd --gid 10001 tandem \
 && useradd --uid 10001 --gid tandem --create-home --home-dir /home/tandem --shell /bin/bash tandem \
 && install -d -o tandem -g tandem /build
WORKDIR /build
USER tandem

COPY --chown=tandem:tandem .mvn .mvn
COPY --chown=tandem:tandem mvnw pom.xml ./
COPY --chown=tandem:tandem build-tools build-tools
COPY --chown=tandem:tandem db db
COPY --chown=tandem:tandem frontend frontend
COPY --chown=tandem:tandem src src

RUN ./mvnw -B -Pproduction -DskipTests package
# target/tandem-<version>.jar, whatever the version is.
RUN set -eu; \
    jars="$(find target -maxdepth 1 -name 'tandem-*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-plain.jar')"; \
    if [ "$(printf '%s\n' "$jars" | grep -c .)" -ne 1 ]; then echo "expected exactly one target/tandem-*.jar, found: $jars" >&2; exit 1; fi; \
    cp "$jars" /build/app.jar

# Runtime stage: a JRE and the jar, as a non-root user.
FROM eclipse-temurin:25-jre

RUN groupadd --gid 10001 tandem \
 && useradd --uid 10001 --gid tandem --no-create-home --home-dir /app --shell /usr/sbin/nologin tandem
WORKDIR /app
COPY --from=build --chown=root:root /build/app.jar /app/app.jar
USER tandem

ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080

# No curl/wget needed: bash's /dev/tcp asks the app for "/" and accepts any
# 2xx/3xx answer (signed-out visitors are redirected to the login page).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET / HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -Eq '^HTTP/1\\.[01] [23][0-9][0-9]'"]

# JAVA_OPTS is expanded by the shell; extra arguments (e.g. --server.port=9090) go to the app.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar \"$@\"", "tandem"]
