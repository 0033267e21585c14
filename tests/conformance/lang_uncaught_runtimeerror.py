class Machine:
    def __init__(self):
        self.state = "idle"
    def stop(self):
        if self.state != "running":
            raise RuntimeError(f"cannot stop a machine that is {self.state}")
        self.state = "idle"
m = Machine()
print("state:", m.state)
m.stop()
