-- Payload filters are evaluated by the publish in Node (lib/validation/payload-filter.ts: matchesFilter)
-- since this migration: the PL/pgSQL evaluator of 20261207172620_payload_filters goes.
DROP FUNCTION IF EXISTS hookline_filter_matches(jsonb, jsonb);
DROP FUNCTION IF EXISTS hookline_filter_condition(jsonb, jsonb);
DROP FUNCTION IF EXISTS hookline_filter_compare(jsonb, text, jsonb);
DROP FUNCTION IF EXISTS hookline_filter_eq(jsonb, jsonb);
DROP FUNCTION IF EXISTS hookline_filter_instant(text);
