#!/usr/bin/env bash
# Publishes the same streaming chat with NativeAOT (linux-x64) — by hand with HttpClient +
# System.Text.Json, through Juhe, and through the official OpenAI SDK — plus the `juhe` command,
# all with the switches a size-constrained container uses (Directory.Build.props: invariant
# globalization; here also OptimizationPreference=Size and no stack-trace data), and prints the sizes.
set -euo pipefail
cd "$(dirname "$0")"
out=../../artifacts/aot-size
size_switches=(-p:OptimizationPreference=Size -p:StackTraceSupport=false)
for app in BareHttpClientChat JuheChat; do
  dotnet publish "$app/$app.csproj" -c Release -r linux-x64 -o "$out/$app" -p:TreatWarningsAsErrors=true "${size_switches[@]}" >/dev/null
done
# The SDK is not warning-free under trimming: its warnings are its own, so they are not errors here.
dotnet publish OpenAiSdkChat/OpenAiSdkChat.csproj -c Release -r linux-x64 -o "$out/OpenAiSdkChat" "${size_switches[@]}" >/dev/null
dotnet publish ../../src/Juhe.Cli/Juhe.Cli.csproj -c Release -r linux-x64 -o "$out/juhe" -p:TreatWarningsAsErrors=true >/dev/null
bare=$(stat -c %s "$out/BareHttpClientChat/BareHttpClientChat")
juhe=$(stat -c %s "$out/JuheChat/JuheChat")
sdk=$(stat -c %s "$out/OpenAiSdkChat/OpenAiSdkChat")
cli=$(stat -c %s "$out/juhe/juhe")
echo "BareHttpClientChat: $bare bytes"
echo "JuheChat:           $juhe bytes (+$(( (juhe - bare) / 1024 )) KiB over bare; budget 300 KB)"
echo "OpenAiSdkChat:      $sdk bytes (+$(( (sdk - bare) / 1024 )) KiB over bare)"
echo "juhe (CLI):         $cli bytes"
