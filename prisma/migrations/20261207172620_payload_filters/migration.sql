-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "filter" JSONB;

-- Payload filters (lib/validation/payload-filter.ts has the language and checks every filter before it
-- is saved): evaluated by the outbox statement (lib/delivery/publish-event.ts) on each event's envelope,
-- for the webhooks that have one. Immutable and free of dynamic SQL; nothing here can run long: the
-- filter's depth and size are bounded on save, and the only regular expression is this file's own.

-- An ISO 8601 date or date-time as an instant (UTC when it has no offset); null when it is not one.
CREATE OR REPLACE FUNCTION hookline_filter_instant(s text) RETURNS timestamptz
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF s IS NULL OR length(s) > 40 OR s !~ '^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$' THEN
    RETURN NULL;
  END IF;
  IF s ~ '(Z|[+-]\d{2}(:?\d{2})?)$' AND length(s) > 10 THEN
    RETURN s::timestamptz;
  END IF;
  RETURN s::timestamp AT TIME ZONE 'UTC';
EXCEPTION WHEN others THEN
  RETURN NULL; -- shaped like a date but not one (2026-02-30)
END $$;

-- A value (null: absent) equals a literal, or is an array that contains it.
CREATE OR REPLACE FUNCTION hookline_filter_eq(v jsonb, lit jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT v IS NOT NULL AND (v = lit OR (jsonb_typeof(v) = 'array' AND v @> jsonb_build_array(lit)))
$$;

-- $gt/$gte/$lt/$lte: numbers with numbers, dates with dates; anything else does not match.
CREATE OR REPLACE FUNCTION hookline_filter_compare(v jsonb, op text, lit jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  c integer;
  a timestamptz;
  b timestamptz;
BEGIN
  IF v IS NULL THEN
    RETURN false;
  END IF;
  IF jsonb_typeof(lit) = 'number' THEN
    IF jsonb_typeof(v) <> 'number' THEN
      RETURN false;
    END IF;
    c := sign((v #>> '{}')::numeric - (lit #>> '{}')::numeric);
  ELSE
    IF jsonb_typeof(v) <> 'string' THEN
      RETURN false;
    END IF;
    a := hookline_filter_instant(v #>> '{}');
    b := hookline_filter_instant(lit #>> '{}');
    IF a IS NULL OR b IS NULL THEN
      RETURN false;
    END IF;
    c := CASE WHEN a > b THEN 1 WHEN a < b THEN -1 ELSE 0 END;
  END IF;
  RETURN CASE op WHEN '$gt' THEN c > 0 WHEN '$gte' THEN c >= 0 WHEN '$lt' THEN c < 0 WHEN '$lte' THEN c <= 0 ELSE false END;
END $$;

-- One path's condition: a literal (equality) or an object of operators, all of which must hold.
CREATE OR REPLACE FUNCTION hookline_filter_condition(cond jsonb, v jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  op text;
  arg jsonb;
  ok boolean;
BEGIN
  IF jsonb_typeof(cond) <> 'object' THEN
    RETURN hookline_filter_eq(v, cond);
  END IF;
  FOR op, arg IN SELECT * FROM jsonb_each(cond) LOOP
    ok := CASE
      WHEN op = '$eq' THEN hookline_filter_eq(v, arg)
      WHEN op = '$ne' THEN NOT hookline_filter_eq(v, arg)
      WHEN op = '$in' THEN EXISTS (SELECT 1 FROM jsonb_array_elements(arg) a WHERE hookline_filter_eq(v, a))
      WHEN op = '$nin' THEN NOT EXISTS (SELECT 1 FROM jsonb_array_elements(arg) a WHERE hookline_filter_eq(v, a))
      WHEN op = '$exists' THEN (v IS NOT NULL) = (arg = 'true'::jsonb)
      WHEN op IN ('$gt', '$gte', '$lt', '$lte') THEN hookline_filter_compare(v, op, arg)
      ELSE false -- refused on save; never matches
    END;
    IF NOT ok THEN
      RETURN false;
    END IF;
  END LOOP;
  RETURN true;
END $$;

-- Whether an envelope matches a filter: every key holds ($and, $or, $not, or a path's condition).
CREATE OR REPLACE FUNCTION hookline_filter_matches(f jsonb, doc jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  k text;
  c jsonb;
BEGIN
  IF f IS NULL THEN
    RETURN true;
  END IF;
  FOR k, c IN SELECT * FROM jsonb_each(f) LOOP
    IF k = '$and' THEN
      IF EXISTS (SELECT 1 FROM jsonb_array_elements(c) s WHERE NOT hookline_filter_matches(s, doc)) THEN
        RETURN false;
      END IF;
    ELSIF k = '$or' THEN
      IF NOT EXISTS (SELECT 1 FROM jsonb_array_elements(c) s WHERE hookline_filter_matches(s, doc)) THEN
        RETURN false;
      END IF;
    ELSIF k = '$not' THEN
      IF hookline_filter_matches(c, doc) THEN
        RETURN false;
      END IF;
    ELSIF NOT hookline_filter_condition(c, doc #> string_to_array(k, '.')) THEN
      RETURN false;
    END IF;
  END LOOP;
  RETURN true;
END $$;
