-- Which HTTP signature scheme a host takes (issue 8: RFC 9421 first where a host signed with it or asked for
-- it; draft-cavage where it refused RFC 9421). NULL: nothing known yet, draft-cavage as most servers expect.
ALTER TABLE host_status ADD COLUMN signature_scheme text CHECK (signature_scheme IN ('cavage', 'rfc9421'));
