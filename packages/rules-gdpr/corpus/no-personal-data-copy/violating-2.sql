SELECT * INTO contacts_backup FROM contacts; -- expect: no-personal-data-copy
