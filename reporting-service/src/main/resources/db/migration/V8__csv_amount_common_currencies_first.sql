-- The export's amounts: the institutions' own currencies are tried first, before the lists of 0- and
-- 3-decimal currencies (two list look-ups per cell cost a tenth of a second per million rows and column).
create or replace function csv_amount(minor bigint, currency text) returns text language sql immutable parallel safe as $$
    select case
        when currency in ('EUR', 'CZK') then (minor / 100)::text || ',' || lpad((minor % 100)::text, 2, '0')
        when currency in ('BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND',
                          'VUV', 'XAF', 'XOF', 'XPF') then minor::text
        when currency in ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND')
            then (minor / 1000)::text || ',' || lpad((minor % 1000)::text, 3, '0')
        else (minor / 100)::text || ',' || lpad((minor % 100)::text, 2, '0')
    end
$$;
