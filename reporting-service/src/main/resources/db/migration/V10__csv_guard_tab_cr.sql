-- The CSV formula guard (L1) also covers a cell that starts with TAB or CR (OWASP's list), and one whose
-- formula follows leading spaces: both are prefixed with a quote like = + - @. The first character's code
-- is still the fast path (V8); only a cell that starts with a space is trimmed to look further.
create or replace function csv_text(value text) returns text language sql immutable parallel safe as $$
    -- TAB, CR, = + - @ start a formula in a spreadsheet; '' (code 0) is written as nothing, not as ""
    select case
        when ascii(value) in (9, 13, 43, 45, 61, 64) then '''' || value
        when ascii(value) = 32 and ascii(ltrim(value, E' \t\r')) in (43, 45, 61, 64) then '''' || value
        else nullif(value, '')
    end
$$;
