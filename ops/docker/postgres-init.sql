-- Rasa's tracker store lives next to the gateway's tables, in its own database.
CREATE DATABASE rasa OWNER pharmacy;
