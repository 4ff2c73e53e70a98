-- One database per service (and Keycloak's), owned by the guichet role (docker-compose's PostgreSQL runs this once).
create database guichet_billing owner guichet;
create database guichet_cart owner guichet;
create database guichet_payment owner guichet;
create database guichet_notification owner guichet;
create database guichet_reporting owner guichet;
create database guichet_keycloak owner guichet;
