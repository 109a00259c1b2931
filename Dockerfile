# syntax=docker/dockerfile:1
# Build: docker build --build-arg SOURCE_REVISION_ID=$(git rev-parse HEAD) -t chatcoach .
# Run:   docker run -it -v chatcoach-data:/data -p 8080:8080 -e ChatCoach__Discord__Token=... chatcoach

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# .git is not in the build context, so the commit that `chatcoach --version` shows comes in as a build argument.
ARG SOURCE_REVISION_ID=unknown
WORKDIR /src
# Restore first, from the files that decide packages, so code changes reuse the cached layer.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY eng/ eng/
COPY src/ChatCoach.Core/ChatCoach.Core.csproj src/ChatCoach.Core/
COPY src/ChatCoach.Storage/ChatCoach.Storage.csproj src/ChatCoach.Storage/
COPY src/ChatCoach.Discord/ChatCoach.Discord.csproj src/ChatCoach.Discord/
COPY src/ChatCoach/ChatCoach.csproj src/ChatCoach/
RUN dotnet restore src/ChatCoach/ChatCoach.csproj
COPY src/ src/
# The dialogs are published beside the executable (the default ChatCoach:Dialogs:Path falls back to them).
COPY dialogs/ dialogs/
RUN dotnet publish src/ChatCoach/ChatCoach.csproj -c Release -o /app --no-restore -p:SourceRevisionId=${SOURCE_REVISION_ID}

# The ASP.NET Core runtime: Kestrel serves /interactions, /healthz, /readyz and /metrics.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app .
# The image's non-root user owns only what it must write: the database volume and the dialogs moderators edit.
RUN mkdir -p /data && chown -R app:app /data /app/dialogs
USER app
ENV ChatCoach__Database__ConnectionString="Data Source=/data/chatcoach.db" \
    ChatCoach__Http__Urls="http://0.0.0.0:8080"
EXPOSE 8080
VOLUME /data
ENTRYPOINT ["dotnet", "chatcoach.dll"]
