-- Appending to the audit log's hash chain in one statement (db/queries/audit.ts, appendAudit).
-- The chain has one lock, held until the appending transaction commits. Taken from the client
-- as its own statement, it stayed held while the lock's answer and then the insert's waited
-- their turn in the app server's event loop: under load, most of the time it was held, with every
-- writer queued behind it. Here the lock, the predecessor's hash and the insert are one call.
-- Each statement of a PL/pgSQL function takes a fresh snapshot (READ COMMITTED), so the
-- predecessor read after the lock is granted is the last committed row. The row's hash is sha256
-- over ["<predecessor hash>", <rest>], where the app sends <rest> (auditHash's material after its
-- first element), and verifyAuditChain recomputes it in JavaScript.
CREATE OR REPLACE FUNCTION audit_append(
  p_at timestamptz, p_actor_id uuid, p_ip text, p_action text, p_entity_type text, p_entity_id text, p_detail jsonb, p_rest text
) RETURNS TABLE (appended_id bigint, appended_hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  prev text;
BEGIN
  PERFORM pg_advisory_xact_lock(4242001);
  SELECT a.hash INTO prev FROM audit_log a ORDER BY a.id DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  RETURN QUERY
    INSERT INTO audit_log AS a (at, actor_id, ip, action, entity_type, entity_id, detail, prev_hash, hash)
    VALUES (p_at, p_actor_id, p_ip, p_action, p_entity_type, p_entity_id, p_detail, prev,
            encode(sha256(convert_to('["' || prev || '",' || p_rest, 'UTF8')), 'hex'))
    RETURNING a.id, a.hash;
END
$$;
