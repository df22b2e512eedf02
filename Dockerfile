# Kept buildable by reading: no Docker engine runs where this repository is developed; build with `docker build -t aicoachbot .`
#
# Run (the bot refuses a non-loopback binding without an app id, so pass its identity):
#   docker run -p 8080:8080 -v aicoachbot-data:/data \
#     -e MicrosoftAppId=... -e MicrosoftAppType=SingleTenant -e MicrosoftAppTenantId=... -e MicrosoftAppPassword=... aicoachbot

# ---- build: restore with only the project files (cached until one of them changes), then publish the host ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

COPY Directory.Build.props Directory.Packages.props ./
COPY src/AiCoachBot.Protocol/AiCoachBot.Protocol.csproj src/AiCoachBot.Protocol/
COPY src/AiCoachBot.Coaching/AiCoachBot.Coaching.csproj src/AiCoachBot.Coaching/
COPY src/AiCoachBot.Infrastructure/AiCoachBot.Infrastructure.csproj src/AiCoachBot.Infrastructure/
COPY src/AiCoachBot.Host/AiCoachBot.Host.csproj src/AiCoachBot.Host/
RUN dotnet restore src/AiCoachBot.Host/AiCoachBot.Host.csproj

COPY src/ src/
# The host project copies src/content into the publish output (Content ... CopyToPublishDirectory), so /app/content
# comes with it; no test project is built.
RUN dotnet publish src/AiCoachBot.Host/AiCoachBot.Host.csproj -c Release -o /app --no-restore -p:UseAppHost=false \
    && test -f /app/AiCoachBot.Host.dll \
    && test -d /app/content

# ---- runtime: ASP.NET Core on Ubuntu, as the image's non-root `app` user ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

ENV Urls=http://0.0.0.0:8080 \
    Storage__DataDirectory=/data

# The SQLite database and the pseudonym key file live in /data; it must belong to the app user before VOLUME.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data

# The application files stay owned by root: the app user can read them, not change them.
COPY --from=build /app ./

USER $APP_UID
VOLUME /data
EXPOSE 8080

# The image has no curl or wget: bash's /dev/tcp sends the request and the status line is checked.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "AiCoachBot.Host.dll"]
