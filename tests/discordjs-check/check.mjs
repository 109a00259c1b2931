// discord.js faithfulness check for the ChatCoach Discord emulator.
// Usage: node check.mjs <emulator API base URL, e.g. http://127.0.0.1:PORT/api/v10> [token]
// A real client that nobody here wrote must be able to log in, answer a DM, survive an op 7
// reconnect (resume on resume_gateway_url), answer a second DM after waiting out a 429, register a slash command, defer and
// edit its reply, and update a message from a button click, without any protocol violation.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, Client, Events, GatewayIntentBits, MessageFlags, Partials } from 'discord.js';

const TIMEOUT_MS = 60_000;
const USER_ID = '53908232506183680';

const apiBase = process.argv[2];
const token = process.argv[3] ?? process.env.EMULATOR_TOKEN ?? 'emulator-bot-token';
if (!apiBase) {
  console.error('usage: node check.mjs <API base URL> [token]');
  process.exit(2);
}

const root = apiBase.replace(/\/api(\/v\d+)?\/?$/, '');
const step = (text) => console.log(`[check] ${text}`);

const fail = (message) => {
  console.error(`[check] FAILED: ${message}`);
  process.exit(1);
};
setTimeout(() => fail(`not done after ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS).unref();
process.on('unhandledRejection', (error) => fail(`${error?.stack ?? error}`));
process.on('uncaughtException', (error) => fail(`${error?.stack ?? error}`));

async function control(method, path, body) {
  const response = await fetch(`${root}/_emulator/${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) fail(`${method} /_emulator/${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

async function until(what, probe, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fail(`timed out waiting for ${what}`);
}

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
  // DM channels are never announced to bots (no CHANNEL_CREATE), so discord.js needs the Channel partial.
  partials: [Partials.Channel],
  rest: { api: `${root}/api` },
});

const received = [];
client.on(Events.MessageCreate, async (message) => {
  if (message.author.bot) return;
  received.push(message.content);
  try {
    await message.reply({ content: `echo: ${message.content}`, allowedMentions: { parse: [] } });
  } catch (error) {
    fail(`reply to "${message.content}" failed: ${error}`);
  }
});
client.on(Events.InteractionCreate, async (interaction) => {
  try {
    if (interaction.isChatInputCommand()) {
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const next = new ButtonBuilder().setCustomId('next').setLabel('Next exercise').setStyle(ButtonStyle.Primary);
      await interaction.editReply({
        content: `tip about ${interaction.options.getString('topic')}`,
        components: [new ActionRowBuilder().addComponents(next)],
      });
    } else if (interaction.isButton()) {
      await interaction.update({ content: `clicked ${interaction.customId}`, components: [] });
    }
  } catch (error) {
    fail(`answering interaction ${interaction.id} failed: ${error}`);
  }
});
client.on(Events.Error, (error) => fail(`client error: ${error}`));

const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
step(`logging in at ${root}/api`);
await client.login(token);
await ready;
step(`ready as ${client.user.tag} (application ${client.application.id})`);

async function roundTrip(content) {
  const { id } = await control('POST', 'dm', { userId: USER_ID, content });
  step(`emulator sent DM ${id}: "${content}"`);
  const reply = await until(`a reply to "${content}"`, async () =>
    (await control('GET', 'messages')).find((m) => m.referenced_message_id === id && m.content === `echo: ${content}`));
  step(`bot replied with message ${reply.id} in DM channel ${reply.channel_id}`);
}

await roundTrip('first');

const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));
await control('POST', 'op7');
step('emulator sent op 7 Reconnect');
await resumed;
const connections = await control('GET', 'connections');
const latest = connections[connections.length - 1];
if (!latest.Resumed || latest.Path !== '/resume') {
  fail(`expected the session to be resumed on /resume, connections: ${JSON.stringify(connections)}`);
}
step(`resumed session ${latest.SessionId} on ${latest.Path}`);

// A real 429 on the reply route: discord.js must wait retry_after and retry, causing no violation.
await control('POST', 'ratelimit', { route: 'POST /channels', retryAfterMs: 1500 });
step('emulator will answer the next message create with a 429 (retry after 1.5 s)');
await roundTrip('second');
const requests = await control('GET', 'requests');
const limited = requests.filter((r) => r.rate_limit !== 'None');
if (limited.length !== 1 || limited[0].rate_limit !== 'Injected') {
  fail(`expected exactly the injected 429, got ${JSON.stringify(limited)}`);
}
step('discord.js waited out the injected 429 and retried');

await client.application.commands.set([
  {
    name: 'coach',
    description: 'Start or continue a coaching session',
    options: [{ type: 3, name: 'topic', description: 'What do you want to practise?', required: true }],
  },
]);
step('registered /coach');
const { id: slashId } = await control('POST', 'slash', { userId: USER_ID, name: 'coach', options: { topic: 'small talk' } });
step(`emulator ran /coach as interaction ${slashId}`);
const tip = await until('the deferred reply to be edited', async () =>
  (await control('GET', 'messages')).find((m) => m.interaction_id === slashId && m.content === 'tip about small talk'));
if (!(tip.flags & 64)) fail(`the reply should be ephemeral, flags ${tip.flags}`);
step(`bot deferred then edited reply ${tip.id} with buttons ${JSON.stringify(tip.custom_ids)}`);
const { id: clickId } = await control('POST', 'click', { userId: USER_ID, messageId: tip.id, customId: 'next' });
await until('the button click to update the message', async () =>
  (await control('GET', 'messages')).find((m) => m.id === tip.id && m.content === 'clicked next' && m.custom_ids.length === 0));
step(`bot updated message ${tip.id} for click ${clickId}`);

const violations = await control('GET', 'violations');
if (violations.length > 0) fail(`the emulator recorded violations: ${JSON.stringify(violations, null, 2)}`);
if (received.length !== 2) fail(`expected 2 DMs, discord.js saw ${JSON.stringify(received)}`);

await client.destroy();
step('OK: login, DM reply, op 7 resume, 429 retry, slash defer/edit and button update all worked with no violations');
process.exit(0);
