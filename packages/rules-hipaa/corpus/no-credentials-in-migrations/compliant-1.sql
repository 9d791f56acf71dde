CREATE ROLE reporting LOGIN; -- password set from the secret manager
