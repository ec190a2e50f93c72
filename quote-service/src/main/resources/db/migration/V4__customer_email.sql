-- Quote documents (contract section 3.1): the customer's email as of the quote's creation, from
-- the access token's `email` claim, shown on the quote's PDF. Quotes created before V4 have none
-- (null): their documents show the customer's id instead.
ALTER TABLE forge_quotes
    ADD COLUMN customer_email varchar(254);
