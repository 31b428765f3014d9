// What must hold for any input, one check per fuzz target. The project's functions come in as
// `api`, so the property tests run these checks against src/ and the long run against dist/.
// Each check returns the findings of one case: an empty list when every property held.

/** How many problems a finding quotes at most. */
const QUOTED = 3;

/**
 * translateX12 on any bytes: it returns (never throws), and a rejected file is explained by at
 * least one specific diagnostic (an X12 code and a position, see isSpecific in src/x12).
 */
export function checkTranslation(api, bytes) {
  let translation;
  try {
    translation = api.translateX12(bytes);
  } catch (error) {
    return [crash('translateX12 threw', error)];
  }
  if (translation.accepted || api.explainsRejection(translation.diagnostics)) return [];
  return [
    {
      kind: 'unspecific',
      message: `rejected without a specific error: ${describe(api, translation.diagnostics)}`,
    },
  ];
}

/**
 * The `ack` command's path on any bytes: the streaming reader fed in chunks, a 997/999 (and TA1)
 * built for each interchange. Nothing throws; a rejected interchange is explained; every
 * acknowledgement reads back with our own reader as one sound interchange; and the envelope
 * values the gateway stores fit their columns.
 */
export function checkAcknowledgement(api, bytes, { chunks, type, ta1 }) {
  const findings = [];
  let count = 0;
  try {
    const reader = api.createX12Reader({
      interchange: (interchange) => {
        count++;
        findings.push(...acknowledgeOne(api, interchange, { type, ta1, number: count }));
      },
    });
    for (const chunk of chunks(bytes)) reader.push(chunk);
    reader.end();
  } catch (error) {
    findings.push(crash('reading or acknowledging threw', error));
  }
  return findings;
}

function acknowledgeOne(api, interchange, { type, ta1, number }) {
  const findings = [];
  const diagnostics = api.interchangeDiagnostics(interchange);
  const rejected = interchange.diagnostics.some((d) => d.level === 'interchange' && d.severity === 'error');
  if (rejected && !api.explainsRejection(diagnostics)) {
    findings.push({
      kind: 'unspecific',
      message: `interchange ${number} rejected without a specific error: ${describe(api, diagnostics)}`,
    });
  }
  let ack;
  try {
    ack = api.buildAcknowledgement(interchange, {
      type,
      ta1,
      controlNumbers: { interchange: number, group: number, transactionSet: 1 },
      now: new Date('2026-01-02T03:04:05Z'),
      segmentNewline: number % 2 === 0,
    });
  } catch (error) {
    return [...findings, crash(`buildAcknowledgement threw for interchange ${number}`, error)];
  }
  if (ack.x12 !== undefined) {
    const problems = acknowledgementProblems(api, ack.x12, ack.summary.ta1.sent);
    if (problems.length > 0) {
      findings.push({
        kind: 'invalid-output',
        message: `the acknowledgement of interchange ${number} does not read back: ${problems.slice(0, QUOTED).join('; ')}\n${ack.x12}`,
      });
    }
  }
  if (api.interchangeEntry) {
    const problems = storedEnvelopeProblems(api, interchange, ack.summary);
    if (problems.length > 0) {
      findings.push({
        kind: 'invalid-output',
        message: `interchange ${number} cannot be stored: ${problems.slice(0, QUOTED).join('; ')}`,
      });
    }
  }
  return findings;
}

// eslint-disable-next-line no-control-regex -- control characters are what must not be stored
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/**
 * The envelope index entry of the interchange (src/pipeline/interchange-index.ts) against the
 * columns it goes into (the store's entities, as the initial migration creates them): every value
 * fits its varchar and holds no control character.
 */
function storedEnvelopeProblems(api, interchange, summary) {
  const entry = api.interchangeEntry('00000000-0000-8000-8000-000000000000', 'partner', interchange, summary);
  const isa = api.InterchangeRecordSchema.meta.properties;
  const gs = api.GroupRecordSchema.meta.properties;
  const st = api.TransactionSetRecordSchema.meta.properties;
  const columns = [
    ['ISA05', entry.sender.qualifier, isa.senderQualifier],
    ['ISA06', entry.sender.id, isa.senderId],
    ['ISA07', entry.receiver.qualifier, isa.receiverQualifier],
    ['ISA08', entry.receiver.id, isa.receiverId],
    ['ISA12', entry.version, isa.version],
    ['ISA13', entry.controlNumber, isa.controlNumber],
    ['ISA15', entry.usage, isa.usage],
    ['TA104', entry.outcome, isa.outcome],
    ...entry.groups.flatMap((g) => [
      ['GS01', g.functionalId, gs.functionalId],
      ['GS06', g.controlNumber, gs.controlNumber],
      ['GS08', g.version, gs.version],
      ['AK901', g.outcomeCode, gs.outcomeCode],
      ...g.transactionSets.flatMap((t) => [
        ['ST01', t.setId, st.setId],
        ['ST02', t.controlNumber, st.controlNumber],
        ['AK501', t.outcomeCode, st.outcomeCode],
      ]),
    ]),
  ];
  return columns
    .filter(([, value, column]) => [...value].length > column.length || CONTROL.test(value))
    .map(
      ([name, value, column]) =>
        `${name} ${JSON.stringify(value)} in ${column.fieldNames?.[0] ?? column.name} varchar(${column.length})`,
    );
}

/**
 * Elements of a 997/999 that copy the partner's own values (AK1 and AK2 name the group and set as
 * received; AK301/AK303, AK404 and CTX02/CTX04 the segment, loop and bad value): a value that was
 * wrong as the partner sent it (an invalid code, too short, empty) stays wrong in the answer.
 */
const ECHOED = { AK1: [1, 2, 3], AK2: [1, 2, 3], AK3: [1, 3], IK3: [1, 3], AK4: [4], IK4: [4], CTX: [2, 4] };

/**
 * What is wrong with an acknowledgement we wrote, read back with our own reader. It must be one
 * interchange with the TA1 it was written with, and raise no error but these: a version our
 * validator does not cover (the reply is in the partner's GS08), and an echoed element holding
 * the partner's own wrong value, except a value too long (echoes are cut to the element's maximum).
 */
function acknowledgementProblems(api, x12, ta1Sent) {
  const read = api.readX12(x12);
  const problems = read.diagnostics.map((d) => api.formatDiagnostic(d));
  if (read.interchanges.length !== 1) problems.push(`${read.interchanges.length} interchanges read`);
  const segments = new Map(
    read.transactionSets.flatMap((set) => set.segments.map((s) => [s.location.index, s.id])),
  );
  for (const interchange of read.interchanges) {
    for (const d of api.interchangeDiagnostics(interchange)) {
      if (d.severity === 'error' && !tolerated(d, segments)) problems.push(api.formatDiagnostic(d));
    }
    if ((interchange.ta1Segments?.length ?? 0) !== (ta1Sent ? 1 : 0))
      problems.push(`${interchange.ta1Segments?.length ?? 0} TA1 segments read, ${ta1Sent ? 1 : 0} written`);
  }
  return problems;
}

function tolerated(d, segments) {
  if (d.level === 'group' && d.code === '2') return true;
  if (d.level === 'transaction' && d.code === '1') return true;
  if (d.level !== 'element' || d.code === '5') return false;
  const id = d.segmentId ?? segments.get(d.fileSegmentIndex);
  // AK403 12 and 13 exist from 004020 on, but the validator reads every 0040xx with 004010's
  // code lists: the 997 is right to carry them, and our reader cannot tell.
  if (id === 'AK4' && d.elementPosition === 3 && d.code === '7' && ['12', '13'].includes(d.value))
    return true;
  return ECHOED[id]?.includes(d.elementPosition) ?? false;
}

/**
 * loadPartnerFile on any text: it loads, or throws a PartnerError (`partner-invalid`) whose every
 * problem names the file and a JSON pointer into it (`''` for the whole file, as for YAML that
 * does not parse, which then names a line).
 */
export function checkPartnerFile(api, path) {
  try {
    api.loadPartnerFile(path);
    return [];
  } catch (error) {
    if (!(error instanceof api.PartnerError)) return [crash('loadPartnerFile threw', error)];
    // The pointer '' names the whole file (RFC 6901), as for an empty file.
    const vague = error.problems.filter(
      (p) =>
        p.source !== path ||
        typeof p.pointer !== 'string' ||
        !(p.pointer === '' || p.pointer.startsWith('/')) ||
        !(typeof p.message === 'string' && p.message.trim() !== '') ||
        !error.message.includes(path),
    );
    if (error.code !== 'partner-invalid' || error.problems.length === 0 || vague.length > 0) {
      return [
        {
          kind: 'unspecific',
          message: `${error.code}: ${vague.length > 0 ? vague.map((p) => JSON.stringify(p)).join('; ') : error.message}`,
        },
      ];
    }
    return [];
  }
}

function crash(what, error) {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { kind: 'crash', message: `${what}: ${text}` };
}

function describe(api, diagnostics) {
  if (diagnostics.length === 0) return 'no diagnostics at all';
  return diagnostics
    .slice(0, QUOTED)
    .map((d) => JSON.stringify(api.formatDiagnostic(d)))
    .join('; ');
}
