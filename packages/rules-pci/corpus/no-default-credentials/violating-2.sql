CREATE USER settlement WITH PASSWORD 'Xk9#2pq!'; -- expect: no-default-credentials
