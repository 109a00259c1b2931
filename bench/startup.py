#!/usr/bin/env python3
"""Startup of the published Release build, measured from process start:
to the first terminal prompt (the first question on stdout), and to the first gateway Identify
against the standalone Discord emulator (a READY session on its connections list).
Usage: bench/startup.py [RUNS]   (publishes to a temporary folder first)"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time, urllib.request

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
work = tempfile.mkdtemp(prefix="chatcoach-startup-")
quiet = ["--nologo", "-v", "quiet"]
subprocess.run(["dotnet", "publish", f"{root}/src/ChatCoach", "-c", "Release", "-o", f"{work}/app", *quiet], check=True)
subprocess.run(["dotnet", "build", f"{root}/tests/ChatCoach.Discord.Emulator", "-c", "Release", "-o", f"{work}/emulator", *quiet], check=True)
shutil.copytree(f"{root}/dialogs", f"{work}/dialogs")
app = ["dotnet", f"{work}/app/chatcoach.dll"]

def terminal(i):
    start = time.perf_counter()
    p = subprocess.Popen([*app, "chat", "--user", f"u{i}", "--db", f"{work}/t.db"], cwd=work,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in p.stdout:
        if "What year did you graduate" in line:
            elapsed = time.perf_counter() - start
            break
    p.stdin.close(); p.wait()
    return elapsed

def identify(url, i):
    base = url.rsplit("/api/", 1)[0]
    def sessions():
        with urllib.request.urlopen(f"{base}/_emulator/connections") as r:
            return sum(1 for c in json.load(r) if c.get("SessionId"))
    before = sessions()
    env = dict(os.environ, ChatCoach__Discord__Token="emulator-bot-token", ChatCoach__Discord__ApiBaseUrl=url)
    start = time.perf_counter()
    p = subprocess.Popen([*app, "--db", f"{work}/d.db"], cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while sessions() == before:
        time.sleep(0.005)
    elapsed = time.perf_counter() - start
    p.terminate(); p.wait()
    return elapsed

terminal(0)  # the first run creates and migrates the database; startups after it are the ones users wait for
t = [terminal(i) for i in range(1, runs + 1)]
emulator = subprocess.Popen(["dotnet", f"{work}/emulator/ChatCoach.Discord.Emulator.dll", "--identify-window-ms", "10"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
url = emulator.stdout.readline().strip()
identify(url, 0)
d = [identify(url, i) for i in range(1, runs + 1)]
emulator.stdin.close(); emulator.wait()
print(f"startup to first terminal prompt: median {statistics.median(t)*1000:.0f} ms, max {max(t)*1000:.0f} ms ({runs} runs)")
print(f"startup to first gateway Identify/READY: median {statistics.median(d)*1000:.0f} ms, max {max(d)*1000:.0f} ms ({runs} runs)")
shutil.rmtree(work)
