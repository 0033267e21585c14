# A bank account shared by concurrent transfers: the lock keeps the
# balance check and the update together.
import asyncio

class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = asyncio.Lock()

    async def withdraw(self, who, amount):
        async with self.lock:
            if self.balance < amount:
                print(who, "denied: balance", self.balance, "< amount", amount)
                return False
            await asyncio.sleep(0.1)            # talk to the bank's server
            self.balance -= amount
            print(who, "withdrew", amount, "-> balance", self.balance)
            return True

async def main():
    acct = Account(100)
    results = await asyncio.gather(acct.withdraw("alice", 60), acct.withdraw("bob", 50),
                                   acct.withdraw("carol", 30))
    print("results:", results, "| final balance:", acct.balance)

asyncio.run(main())
