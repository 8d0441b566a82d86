"""HR actions, one module per concern: time off, team approvals, the staff directory and
HR handbook answers.

Reachable only from the gateway's HR channel. The gateway verifies the employee's token and
puts ``channel: "hr"``, ``employee_id`` and a short-lived ``service_token`` in the message
metadata; every action here checks all three first and otherwise replies
``consumer_no_hr`` and does nothing else. The actions never touch the database: they call
the gateway's HR REST API with the service token, so the employee is always the one the
token names, whatever the message says, and the API enforces who may see or decide what.
"""
