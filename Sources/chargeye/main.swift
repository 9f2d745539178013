print("chargeye")
