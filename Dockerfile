# syntax=docker/dockerfile:1
# Build: docker build -t chatcoach .
# Run:   docker run -it -v chatcoach-data:/data -e ChatCoach__Discord__Token=... chatcoach

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
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
RUN dotnet publish src/ChatCoach/ChatCoach.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS final
WORKDIR /app
COPY --from=build /app .
COPY dialogs/ dialogs/
# The image's non-root user owns only what it must write: the database volume and the dialogs moderators edit.
RUN mkdir -p /data && chown -R app:app /data /app/dialogs
USER app
ENV ChatCoach__Database__ConnectionString="Data Source=/data/chatcoach.db"
VOLUME /data
ENTRYPOINT ["dotnet", "chatcoach.dll"]
