#!/usr/bin/env bash
# Publishes the same streaming chat twice with NativeAOT (linux-x64) — by hand with HttpClient +
# System.Text.Json, and through Juhe — and prints both binary sizes and the difference.
set -euo pipefail
cd "$(dirname "$0")"
out=../../artifacts/aot-size
for app in BareHttpClientChat JuheChat; do
  dotnet publish "$app/$app.csproj" -c Release -r linux-x64 -o "$out/$app" -p:TreatWarningsAsErrors=true >/dev/null
done
bare=$(stat -c %s "$out/BareHttpClientChat/BareHttpClientChat")
juhe=$(stat -c %s "$out/JuheChat/JuheChat")
echo "BareHttpClientChat: $bare bytes"
echo "JuheChat:           $juhe bytes"
echo "difference:         $((juhe - bare)) bytes ($(( (juhe - bare) / 1024 )) KiB; budget 300 KB)"
